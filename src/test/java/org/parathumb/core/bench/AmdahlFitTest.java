package org.parathumb.core.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmdahlFitTest {

    @ParameterizedTest(name = "f = {0}")
    @ValueSource(doubles = {0.0, 0.026, 0.1, 0.5, 0.9})
    void theFitRecoversTheSerialFractionOfExactAmdahlTimings(double f) {
        double sequential = 6.2;
        Map<Integer, Double> speedups = new LinkedHashMap<>();
        for (int n = 1; n <= 16; n++) {
            double time = sequential * (f + (1 - f) / n);
            speedups.put(n, sequential / time);
        }

        AmdahlFit fit = AmdahlFit.fit(speedups).orElseThrow();

        assertThat(fit.serialFraction()).isCloseTo(f, within(1e-12));
        assertThat(fit.points()).isEqualTo(15);
    }

    @Test
    void theFitThroughNoisyTimingsStaysNearTheTrueFraction() {
        double f = 0.05;
        double[] noise = {1.01, 0.99, 1.02, 0.98, 1.0, 1.01, 0.99};
        Map<Integer, Double> speedups = new LinkedHashMap<>();
        for (int n = 2; n <= 8; n++) {
            speedups.put(n, noise[n - 2] / (f + (1 - f) / n));
        }

        assertThat(AmdahlFit.fit(speedups).orElseThrow().serialFraction()).isCloseTo(f, within(0.01));
    }

    @Test
    void theCeilingIsOneOverFAndThePredictionFollowsTheLaw() {
        AmdahlFit fit = new AmdahlFit(0.025, 3);

        assertThat(fit.ceiling()).hasValueCloseTo(40.0, within(1e-12));
        assertThat(fit.predictedSpeedup(1)).isCloseTo(1, within(1e-12));
        assertThat(fit.predictedSpeedup(2)).isCloseTo(1 / (0.025 + 0.975 / 2), within(1e-12));
        assertThat(fit.describe()).isEqualTo("f = 0.025 (ceiling 40x)");
    }

    @Test
    void perfectOrSuperlinearScalingHasNoCeiling() {
        assertThat(AmdahlFit.fit(Map.of(2, 2.0, 4, 4.0)).orElseThrow().ceiling()).isEmpty();
        AmdahlFit superlinear = AmdahlFit.fit(Map.of(2, 2.1)).orElseThrow();

        assertThat(superlinear.serialFraction()).isNegative();
        assertThat(superlinear.ceiling()).isEmpty();
        assertThat(superlinear.describe()).endsWith("(no ceiling)");
    }

    @Test
    void parallelRunsNoFasterThanTheLoopAreSaidToGainNothing() {
        AmdahlFit fit = AmdahlFit.fit(Map.of(2, 0.99)).orElseThrow();

        assertThat(fit.serialFraction()).isGreaterThan(1);
        assertThat(fit.describe()).endsWith("(no gain from more workers)");
    }

    @Test
    void oneWorkerAloneSaysNothingAboutTheSerialFraction() {
        assertThat(AmdahlFit.fit(Map.of(1, 0.97))).isEmpty();
    }
}
