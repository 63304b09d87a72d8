package org.parathumb.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CountingLoopTest {

    @Test
    void theLoopCountsToItsCount() {
        assertThat(CountingLoop.countTo(0, () -> false)).isZero();
        assertThat(CountingLoop.countTo(3_000_001, () -> false)).isEqualTo(3_000_001);
    }

    /**
     * A loop whose step the compiler knows folds into {@code result = count}; one that loads its
     * step from a volatile field on every addition cannot be folded, since each load may see a
     * new value. So: the step is that volatile field, and every addition uses what it holds.
     */
    @Test
    void everyAdditionLoadsItsStepFromAVolatileFieldSoTheJitCannotFoldTheLoop() throws Exception {
        Field one = CountingLoop.class.getDeclaredField("one");
        assertThat(Modifier.isVolatile(one.getModifiers())).isTrue();
        one.setAccessible(true);
        one.setLong(null, 3);
        try {
            assertThat(CountingLoop.countTo(10, () -> false)).isEqualTo(12);
        } finally {
            one.setLong(null, 1);
        }
    }

    @Test
    void theLoopStopsWhenCancelled() {
        AtomicInteger checks = new AtomicInteger();

        assertThatThrownBy(() -> CountingLoop.countTo(Long.MAX_VALUE, () -> checks.incrementAndGet() > 3))
                .isInstanceOf(CancellationException.class);
        assertThat(checks).hasValue(4);
    }
}
