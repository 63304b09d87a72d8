package org.parathumb.core.bench;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.parathumb.core.batch.ImageJob;
import org.parathumb.core.batch.ScanRequest;
import org.parathumb.core.batch.SourceScanner;

/** A small folder of real images made at test time, and a fingerprint of a folder's contents. */
final class BenchImages {

    private BenchImages() {
    }

    /** Writes {@code count} small JPEG and PNG images into {@code folder} and scans it, as the app does. */
    static List<ImageJob> folder(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        for (int i = 0; i < count; i++) {
            BufferedImage image = new BufferedImage(160 + 8 * i, 120, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, Color.ORANGE, image.getWidth(), 120, new Color(20, 40, 200 - i)));
            g.fillRect(0, 0, image.getWidth(), 120);
            g.setColor(Color.WHITE);
            g.fillOval(30, 20, 60, 60 + i);
            g.dispose();
            String format = i % 2 == 0 ? "jpg" : "png";
            ImageIO.write(image, format, folder.resolve(String.format("img-%02d.%s", i, format)).toFile());
        }
        return new SourceScanner().scan(ScanRequest.of(folder));
    }

    /** Every file under {@code root} (relative path to its bytes' hash and size), to see whether anything changed. */
    static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        for (Path path : paths) {
            String key = root.relativize(path).toString() + (Files.isDirectory(path) ? "/" : "");
            String value = Files.isDirectory(path) ? "dir"
                    : Files.size(path) + ":" + java.util.Arrays.hashCode(Files.readAllBytes(path)) + ":"
                            + Files.getLastModifiedTime(path).toMillis();
            files.put(key, value);
        }
        return files;
    }
}
