package org.parathumb.cli;

import java.nio.file.Path;

/**
 * How the command line shows a file: relative to where the user stands when it is below it, and
 * quoted as a shell would ({@code $'new\nline.jpg'}) when its name holds a control character, so
 * one line of output is always one file.
 */
final class Paths {

    private Paths() {
    }

    static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return quoted(absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString());
    }

    /**
     * {@code text} as it is when it holds no control character (the usual case, kept readable),
     * else in bash's {@code $'...'} quoting: {@code \n}, {@code \t}, {@code \\}, {@code \'} and
     * {@code \xHH} for other control characters; pasted into bash it names the same file.
     */
    static String quoted(String text) {
        if (text.chars().noneMatch(Paths::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append("$'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }

    private static boolean isControl(int c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0);
    }
}
