package org.parathumb.core.batch;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.parathumb.core.image.ImageFormat;

/**
 * Where each thumbnail goes, as a path with placeholders: {@code {dir}} (the scanned folder),
 * {@code {name}} (the source's file name), {@code {stem}} (without its extension), {@code {ext}}
 * (the thumbnail's extension) and {@code {srcext}} (the source's, as written). The last element
 * names the file and must hold {@code {name}} or {@code {stem}}, so two sources never share a
 * name; the elements before it name the folder, below which sub-folders are mirrored. For
 * example {@code {dir}/thumbs/{stem}_thumb.{ext}}. A relative folder is relative to where the
 * command runs, as any path.
 */
public record NameTemplate(String folder, String fileName) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]*)}");
    private static final java.util.Set<String> FOLDER_KEYS = java.util.Set.of("dir");
    private static final java.util.Set<String> NAME_KEYS = java.util.Set.of("name", "stem", "ext", "srcext");

    public NameTemplate {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(fileName, "fileName");
        check(folder, FOLDER_KEYS, "the folder part");
        check(fileName, NAME_KEYS, "the file name");
        if (!fileName.contains("{name}") && !fileName.contains("{stem}")) {
            throw new IllegalArgumentException("the file name of a template must hold {name} or {stem}, so that"
                    + " two images never get the same thumbnail: " + fileName);
        }
        if (fileName.contains("/")) {
            throw new IllegalArgumentException("the file name of a template holds no '/': " + fileName);
        }
    }

    /** Whether {@code text} is a template (holds a placeholder) rather than a plain folder. */
    public static boolean isTemplate(String text) {
        return PLACEHOLDER.matcher(text).find();
    }

    /** Parses {@code text}: its last element is the file name, the rest the folder ("." if none). */
    public static NameTemplate parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? new NameTemplate(".", trimmed)
                : new NameTemplate(slash == 0 ? "/" : trimmed.substring(0, slash), trimmed.substring(slash + 1));
    }

    /** The output folder for images scanned in {@code scanned} (an absolute folder). */
    public Path folderFor(Path scanned) {
        return Path.of(fill(folder, Map.of("dir", scanned.toString()))).toAbsolutePath().normalize();
    }

    /** The thumbnail's file name for a source named {@code sourceName}, written as {@code format}. */
    public String fileNameFor(String sourceName, ImageFormat format) {
        int dot = sourceName.lastIndexOf('.');
        String stem = dot > 0 ? sourceName.substring(0, dot) : sourceName;
        String sourceExtension = dot > 0 ? sourceName.substring(dot + 1) : "";
        return fill(fileName, Map.of("name", sourceName, "stem", stem, "ext", format.extension(),
                "srcext", sourceExtension));
    }

    private static void check(String part, java.util.Set<String> allowed, String where) {
        Matcher m = PLACEHOLDER.matcher(part);
        while (m.find()) {
            if (!allowed.contains(m.group(1))) {
                throw new IllegalArgumentException("{" + m.group(1) + "} cannot be used in " + where
                        + " of a template (there: " + String.join(", ", allowed.stream().sorted()
                        .map(k -> "{" + k + "}").toList()) + ")");
            }
        }
    }

    private static String fill(String part, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(part);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1).toLowerCase(Locale.ROOT))));
        }
        return m.appendTail(out).toString();
    }
}
