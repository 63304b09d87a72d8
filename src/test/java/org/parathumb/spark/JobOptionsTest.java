package org.parathumb.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.parathumb.core.image.OutputFormat;
import org.parathumb.core.image.ThumbnailSpec;

class JobOptionsTest {

    @Test
    void withoutOptionsTheJobMakesWhatRunMakesByDefault() {
        JobOptions options = JobOptions.parse("s3a://bucket/in", "s3a://bucket/out");

        assertThat(options.spec()).isEqualTo(ThumbnailSpec.DEFAULT);
        assertThat(options.pipeline()).isEqualTo("faithful");
        assertThat(options.csv()).isFalse();
        assertThat(options.partitions()).isZero();
    }

    @Test
    void theOptionsOfRunAreReadAsRunReadsThem() {
        JobOptions options = JobOptions.parse("--size", "120x80", "in", "--blur", "0", "--pipeline", "FAST",
                "--format", "jpg", "out", "--csv", "--partitions", "64");

        assertThat(options.spec()).isEqualTo(new ThumbnailSpec(120, 80, 0, OutputFormat.JPEG));
        assertThat(options.pipeline()).isEqualTo("fast");
        assertThat(options).extracting(JobOptions::input, JobOptions::output, JobOptions::csv, JobOptions::partitions)
                .containsExactly("in", "out", true, 64);
    }

    @Test
    void mistakesAreToldInWords() {
        assertThatThrownBy(() -> JobOptions.parse("in")).hasMessageStartingWith("usage: ThumbnailJob IN OUT");
        assertThatThrownBy(() -> JobOptions.parse("in", "out", "--size", "big")).hasMessageContaining("not a size");
        assertThatThrownBy(() -> JobOptions.parse("in", "out", "--pipeline", "slow")).hasMessageContaining("not a pipeline");
        assertThatThrownBy(() -> JobOptions.parse("in", "out", "--blur", "-1")).hasMessageContaining("blur radius");
        assertThatThrownBy(() -> JobOptions.parse("in", "out", "--workers", "2")).hasMessageContaining("unknown option");
    }

    @Test
    void theFingerprintChangesWithEverySettingThatChangesAThumbnailAndOnlyThen() {
        String base = JobOptions.parse("in", "out").fingerprint();

        assertThat(JobOptions.parse("elsewhere", "out2", "--csv", "--partitions", "3").fingerprint()).isEqualTo(base);
        assertThat(JobOptions.parse("in", "out", "--size", "50x51").fingerprint()).isNotEqualTo(base);
        assertThat(JobOptions.parse("in", "out", "--blur", "2.5").fingerprint()).isNotEqualTo(base);
        assertThat(JobOptions.parse("in", "out", "--pipeline", "fast").fingerprint()).isNotEqualTo(base);
        assertThat(JobOptions.parse("in", "out", "--format", "png").fingerprint()).isNotEqualTo(base);
    }
}
