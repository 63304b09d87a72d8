package org.parathumb.cli;

import java.nio.file.Path;

/** How the command line shows a file: relative to where the user stands when it is below it. */
final class Paths {

    private Paths() {
    }

    static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
