package org.parathumb.core.batch.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parathumb.core.batch.BatchRunner;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ImageProcessor;
import org.parathumb.core.batch.ScanRequest;
import org.parathumb.core.batch.SourceScanner;
import org.parathumb.core.image.Fit;
import org.parathumb.core.image.FormatSamples;
import org.parathumb.core.image.KeptMetadata;
import org.parathumb.core.image.OutputOptions;
import org.parathumb.core.image.ThumbnailSpec;
import org.parathumb.core.image.nativecodec.NativeHeifProbe;
import org.parathumb.core.image.pipeline.Pipelines;
import org.parathumb.core.samples.SampleGenerator;

class SkipPolicyTest {

    @TempDir
    Path dir;

    private List<ImageJob> jobs;
    private final ImageProcessor processor = new ImageProcessor(Pipelines.byName("faithful"), ThumbnailSpec.DEFAULT);

    @BeforeEach
    void makeThumbnailsOnce() throws IOException {
        new SampleGenerator().generate(dir, 3, 0.02, 1);
        jobs = new SourceScanner().scan(ScanRequest.of(dir));
        SourceScanner.prepareOutputFolders(jobs);
        runAndSave(new SkipPolicy(SkipPolicy.fingerprint(processor)), jobs);
    }

    private void runAndSave(SkipPolicy skip, List<ImageJob> toDo) throws IOException {
        new BatchRunner(processor).run(toDo, Runnable::run, 1, skip.recorder());
        skip.save();
    }

    private SkipPolicy.Plan planAgain(ImageProcessor with) {
        return new SkipPolicy(SkipPolicy.fingerprint(with)).plan(jobs);
    }

    @Test
    void aSecondRunWithTheSameSettingsHasNothingToDo() {
        SkipPolicy.Plan plan = planAgain(processor);

        assertThat(plan.toDo()).isEmpty();
        assertThat(plan.unchanged()).containsExactlyElementsOf(jobs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"alpha.heic", "alpha.avif", "alpha.jxl"})
    void aPhoneImageWithAlphaWrittenAsPngIsSkippedTheSecondTime(String name) throws IOException {
        FormatSamples.requireLibrary(NativeHeifProbe.allReadable(), NativeHeifProbe.why());
        Path in = Files.createDirectories(dir.resolve("phone"));
        Files.write(in.resolve(name), FormatSamples.bytes(name));
        List<ImageJob> phone = new SourceScanner().scan(new ScanRequest(List.of(in),
                java.util.Optional.of(dir.resolve("phone-thumbs")), false, org.parathumb.core.image.OutputFormat.SAME));
        SourceScanner.prepareOutputFolders(phone);
        runAndSave(new SkipPolicy(SkipPolicy.fingerprint(processor)), phone);
        Path png = dir.resolve("phone-thumbs").resolve(name.substring(0, name.indexOf('.')) + ".png");
        assertThat(png).exists();

        SkipPolicy.Plan plan = new SkipPolicy(SkipPolicy.fingerprint(processor)).plan(phone);

        assertThat(plan.toDo()).isEmpty();
        assertThat(plan.unchanged()).extracting(ImageJob::target).containsExactly(png);
        assertThat(new SkipPolicy(SkipPolicy.fingerprint(processor))
                .isCurrent(in.resolve(name).toString(), phone.get(0).target().toString())).isTrue();
    }

    @Test
    void everySettingThatShapesTheBytesRedoesEverything() {
        List<ImageProcessor> changed = List.of(
                new ImageProcessor(Pipelines.byName("fast"), ThumbnailSpec.DEFAULT),
                new ImageProcessor(Pipelines.byName("faithful"), ThumbnailSpec.DEFAULT.withSize(60, 50)),
                new ImageProcessor(Pipelines.byName("faithful"), ThumbnailSpec.DEFAULT.withBlurRadius(3)),
                new ImageProcessor(Pipelines.byName("faithful"), ThumbnailSpec.DEFAULT
                        .withFormat(org.parathumb.core.image.OutputFormat.PNG)),
                new ImageProcessor(Pipelines.byName("faithful"), ThumbnailSpec.DEFAULT,
                        processor.options().withOrientation(false), processor.memoryBudget()),
                processor.withOutput(OutputOptions.DEFAULT.withFit(Fit.COVER)),
                processor.withOutput(OutputOptions.DEFAULT.withQuality(90)),
                processor.withOutput(OutputOptions.DEFAULT.withMetadata(KeptMetadata.ICC)));

        for (ImageProcessor other : changed) {
            assertThat(planAgain(other).toDo()).as(other.settings()).containsExactlyElementsOf(jobs);
        }
    }

    @Test
    void aTouchedSourceADeletedOrReplacedThumbnailIsMadeAgain() throws IOException {
        Files.setLastModifiedTime(jobs.get(0).source(), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Files.delete(jobs.get(1).target());
        Files.write(jobs.get(2).target(), new byte[] {1, 2, 3});

        assertThat(planAgain(processor).toDo()).containsExactlyElementsOf(jobs);
    }

    @Test
    void aDamagedOrMissingManifestMeansRedoNeverACrash() throws IOException {
        Path manifest = jobs.get(0).target().getParent().resolve(OutputManifest.FILE_NAME);
        List<String> lines = Files.readAllLines(manifest);

        Files.write(manifest, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, '\n', '\t'});
        assertThat(planAgain(processor).toDo()).containsExactlyElementsOf(jobs);

        Files.writeString(manifest, String.join("\n", lines.subList(0, 2)) + "\n" + lines.get(2).substring(0, 20));
        assertThat(planAgain(processor).toDo()).hasSize(2);

        Files.delete(manifest);
        assertThat(planAgain(processor).toDo()).containsExactlyElementsOf(jobs);
    }

    @Test
    void theManifestIsWrittenWholeAndLeavesNoTemporaryBehind() throws IOException {
        Path folder = jobs.get(0).target().getParent();

        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
        assertThat(Files.readString(folder.resolve(OutputManifest.FILE_NAME), StandardCharsets.UTF_8))
                .startsWith("parathumb manifest 1\n").endsWith("\n");
    }

    @Test
    void namesWithTabsAndNewlinesSurviveTheRoundTrip() {
        String name = "a\tb\nc\\d\re";

        assertThat(OutputManifest.unescape(OutputManifest.escape(name))).isEqualTo(name);
        assertThat(OutputManifest.escape(name)).doesNotContain("\t").doesNotContain("\n");
    }
}
