package org.parathumb.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class SizeBalancerTest {

    private static final ToLongFunction<Long> SIZE = Long::longValue;

    @Test
    void oneHugeFileGetsAPartitionOfItsOwnAndTheSmallOnesShareTheOthers() {
        List<List<Long>> bins = SizeBalancer.pack(List.of(1L, 1L, 100L, 1L, 1L, 2L), SIZE, 3);

        assertThat(bins).hasSize(3);
        assertThat(bins).contains(List.of(100L));
        assertThat(bins).filteredOn(bin -> !bin.contains(100L)).extracting(SizeBalancerTest::load)
                .containsExactlyInAnyOrder(3L, 3L);
    }

    @Test
    void everyFileIsInExactlyOnePartitionAndNoPartitionIsEmpty() {
        List<Long> sizes = List.of(5L, 3L, 8L);

        List<List<Long>> bins = SizeBalancer.pack(sizes, SIZE, 10);

        assertThat(bins).hasSize(3).allSatisfy(bin -> assertThat(bin).hasSize(1));
        assertThat(bins.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(sizes);
        assertThat(SizeBalancer.pack(List.<Long>of(), SIZE, 4)).isEmpty();
    }

    @Test
    void theHeaviestPartitionIsWithinFourThirdsOfAnEvenSplitPlusTheLargestFile() {
        Random random = new Random(16);
        List<Long> sizes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            sizes.add((long) (Math.exp(random.nextGaussian()) * 2_000_000)); // log-normal, as photo sizes are
        }
        int partitions = 16;

        List<List<Long>> bins = SizeBalancer.pack(sizes, SIZE, partitions);

        long total = sizes.stream().mapToLong(Long::longValue).sum();
        long largest = sizes.stream().mapToLong(Long::longValue).max().orElseThrow();
        long heaviest = bins.stream().mapToLong(SizeBalancerTest::load).max().orElseThrow();
        long lightest = bins.stream().mapToLong(SizeBalancerTest::load).min().orElseThrow();
        assertThat(heaviest).isLessThanOrEqualTo(Math.max(4 * total / (3 * partitions), total / partitions + largest));
        assertThat(heaviest - lightest).isLessThanOrEqualTo(largest);
    }

    private static long load(List<Long> bin) {
        return bin.stream().mapToLong(Long::longValue).sum();
    }
}
