package org.parathumb.core.image.pixels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScratchTest {

    @Test
    void aSmallerImageReusesTheBufferABiggerOneLeft() {
        Scratch scratch = new Scratch();
        byte[] big = scratch.bytes(5120 * 2880 * 4);

        assertThat(scratch.bytes(3840 * 2400 * 3)).isSameAs(big);
        assertThat(scratch.bytes(1600 * 1200 * 3)).isSameAs(big);
        assertThat(scratch.bytes(5120 * 2880 * 4 + 1)).isNotSameAs(big).hasSizeGreaterThanOrEqualTo(5120 * 2880 * 4 + 1);
    }

    @Test
    void heapBytesCountEveryArrayTheThreadKeeps() {
        Scratch scratch = new Scratch();
        assertThat(scratch.heapBytes()).isZero();

        scratch.bytes(1000);
        scratch.shorts(100);
        scratch.ints(0, 10);
        scratch.ints(5, 20);
        scratch.direct(1 << 20); // outside the heap

        assertThat(scratch.heapBytes()).isEqualTo(1000 + 2 * 100 + 4 * (10 + 20));
    }
}
