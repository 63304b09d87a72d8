package org.parathumb.core.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parathumb.core.image.OutputFormat;

class SourceScannerTest {

    @TempDir
    Path dir;

    private final SourceScanner scanner = new SourceScanner();

    @Test
    void eachImageBecomesOneJobWritingIntoTheFolderThumbs() throws IOException {
        TestImages.write(dir.resolve("b.png"), 8, 8);
        TestImages.write(dir.resolve("a.jpg"), 8, 8);
        TestImages.writeText(dir.resolve("notes.txt"), "not an image");

        List<ImageJob> jobs = scanner.scan(ScanRequest.of(dir));

        assertThat(jobs).containsExactly(
                new ImageJob(dir.resolve("a.jpg"), dir.resolve("thumbs/a.jpg")),
                new ImageJob(dir.resolve("b.png"), dir.resolve("thumbs/b.png")));
    }

    @Test
    void extensionsAreRecognisedInAnyCase() throws IOException {
        TestImages.write(dir.resolve("UPPER.JPG"), 8, 8);
        TestImages.write(dir.resolve("Mixed.Png"), 8, 8);

        assertThat(scanner.scan(ScanRequest.of(dir))).hasSize(2);
    }

    @Test
    void theOutputFolderIsNeverScanned() throws IOException {
        TestImages.write(dir.resolve("a.jpg"), 8, 8);
        TestImages.write(dir.resolve("thumbs/a.jpg"), 8, 8);
        Path custom = dir.resolve("out");
        TestImages.write(custom.resolve("old.jpg"), 8, 8);

        List<ImageJob> jobs = scanner.scan(
                new ScanRequest(List.of(dir), Optional.of(custom), true, OutputFormat.SAME));

        assertThat(jobs).extracting(ImageJob::source).containsExactly(dir.resolve("a.jpg"));
    }

    @Test
    void hiddenFilesAndFoldersAreSkipped() throws IOException {
        TestImages.write(dir.resolve(".hidden.jpg"), 8, 8);
        TestImages.write(dir.resolve(".cache/x.jpg"), 8, 8);
        TestImages.write(dir.resolve("seen.jpg"), 8, 8);

        List<ImageJob> jobs = scanner.scan(new ScanRequest(List.of(dir), Optional.empty(), true, OutputFormat.SAME));

        assertThat(jobs).extracting(ImageJob::source).containsExactly(dir.resolve("seen.jpg"));
    }

    @Test
    void recursiveScanMirrorsSubFoldersSoEqualNamesNeverCollide() throws IOException {
        TestImages.write(dir.resolve("2024/a.jpg"), 8, 8);
        TestImages.write(dir.resolve("2025/a.jpg"), 8, 8);

        List<ImageJob> flat = scanner.scan(ScanRequest.of(dir));
        List<ImageJob> deep = scanner.scan(new ScanRequest(List.of(dir), Optional.empty(), true, OutputFormat.SAME));

        assertThat(flat).isEmpty();
        assertThat(deep).extracting(ImageJob::target)
                .containsExactly(dir.resolve("thumbs/2024/a.jpg"), dir.resolve("thumbs/2025/a.jpg"));
    }

    @Test
    void aSymbolicLinkCycleIsFollowedOnce() throws IOException {
        TestImages.write(dir.resolve("sub/a.jpg"), 8, 8);
        Files.createSymbolicLink(dir.resolve("sub/loop"), dir);

        List<ImageJob> jobs = scanner.scan(new ScanRequest(List.of(dir), Optional.empty(), true, OutputFormat.SAME));

        assertThat(jobs).extracting(ImageJob::source).containsExactly(dir.resolve("sub/a.jpg"));
    }

    @Test
    void anOutputFolderThatIsTheSourceFolderNeverTargetsASource() throws IOException {
        TestImages.write(dir.resolve("a.jpg"), 8, 8);
        TestImages.write(dir.resolve("a-thumb.jpg"), 8, 8);

        List<ImageJob> jobs = scanner.scan(new ScanRequest(List.of(dir), Optional.of(dir), false, OutputFormat.SAME));

        assertThat(jobs).extracting(ImageJob::target)
                .doesNotContain(dir.resolve("a.jpg"), dir.resolve("a-thumb.jpg"))
                .doesNotHaveDuplicates();
    }

    @Test
    void twoFoldersIntoOneOutputGetDistinctTargets() throws IOException {
        TestImages.write(dir.resolve("x/a.jpg"), 8, 8);
        TestImages.write(dir.resolve("y/a.jpg"), 8, 8);
        Path out = dir.resolve("out");

        List<ImageJob> jobs = scanner.scan(
                new ScanRequest(List.of(dir.resolve("x"), dir.resolve("y")), Optional.of(out), false, OutputFormat.SAME));

        assertThat(jobs).extracting(ImageJob::target).containsExactly(out.resolve("a.jpg"), out.resolve("a-thumb.jpg"));
    }

    @Test
    void aFixedOutputFormatChangesTheExtension() throws IOException {
        TestImages.write(dir.resolve("a.jpg"), 8, 8);

        List<ImageJob> jobs = scanner.scan(new ScanRequest(List.of(dir), Optional.empty(), false, OutputFormat.PNG));

        assertThat(jobs).extracting(ImageJob::target).containsExactly(dir.resolve("thumbs/a.png"));
    }

    @Test
    void looseFilesAreTakenAsGivenEvenWithOtherFilesBeside() throws IOException {
        Path a = TestImages.write(dir.resolve("a.jpg"), 8, 8);
        TestImages.write(dir.resolve("b.jpg"), 8, 8);

        List<ImageJob> jobs = scanner.scan(new ScanRequest(List.of(a, a), Optional.empty(), false, OutputFormat.SAME));

        assertThat(jobs).containsExactly(new ImageJob(a, dir.resolve("thumbs/a.jpg")));
    }

    @Test
    void aMissingInputIsReported() {
        assertThatThrownBy(() -> scanner.scan(ScanRequest.of(dir.resolve("nope"))))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void anImpossibleOutputFolderIsReportedBeforeAnyWork() throws IOException {
        Path source = TestImages.write(dir.resolve("a.jpg"), 8, 8);
        Path blocker = TestImages.writeText(dir.resolve("file"), "a file, not a folder");
        List<ImageJob> jobs = List.of(new ImageJob(source, blocker.resolve("sub/a.jpg")));

        assertThatThrownBy(() -> SourceScanner.prepareOutputFolders(jobs))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot write thumbnails to");
    }

    @Test
    void preparingRemovesTheTemporariesOfARunWhoseProcessHasEnded() throws Exception {
        Path source = TestImages.write(dir.resolve("a.jpg"), 8, 8);
        Process ended = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ended.waitFor();
        Path stale = TestImages.writeText(dir.resolve("thumbs/.parathumb-" + ended.pid() + "-k3v9.tmp"), "half");

        SourceScanner.prepareOutputFolders(List.of(new ImageJob(source, dir.resolve("thumbs/a.jpg"))));

        assertThat(stale).doesNotExist();
    }

    @Test
    void preparingKeepsTheTemporariesOfAnotherRunStillWritingIntoTheSameFolder() throws IOException {
        Path source = TestImages.write(dir.resolve("a.jpg"), 8, 8);
        Path live = TestImages.writeText(
                dir.resolve("thumbs/.parathumb-" + ProcessHandle.current().pid() + "-k3v9.tmp"), "being written");

        SourceScanner.prepareOutputFolders(List.of(new ImageJob(source, dir.resolve("thumbs/a.jpg"))));

        assertThat(live).exists();
    }

    @Test
    void preparingRemovesATemporaryLastWrittenBeforeItsNamedProcessStarted() throws IOException {
        // The pid was reused: the process now holding it cannot have written the file.
        Path source = TestImages.write(dir.resolve("a.jpg"), 8, 8);
        Path stale = TestImages.writeText(
                dir.resolve("thumbs/.parathumb-" + ProcessHandle.current().pid() + "-k3v9.tmp"), "half");
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(400))));

        SourceScanner.prepareOutputFolders(List.of(new ImageJob(source, dir.resolve("thumbs/a.jpg"))));

        assertThat(stale).doesNotExist();
    }

    @Test
    void aTemporaryNamingNoProcessIsRemovedOnlyOnceItHasLainUntouchedForAnHour() throws IOException {
        Path source = TestImages.write(dir.resolve("a.jpg"), 8, 8);
        Path fresh = TestImages.writeText(dir.resolve("thumbs/.parathumb-123.tmp"), "half");
        Path old = TestImages.writeText(dir.resolve("thumbs/.parathumb-456.tmp"), "half");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        SourceScanner.prepareOutputFolders(List.of(new ImageJob(source, dir.resolve("thumbs/a.jpg"))));

        assertThat(fresh).exists();
        assertThat(old).doesNotExist();
    }
}
