package org.parathumb.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-runs the program under a UTF-8 locale when the JVM was started under another one.
 *
 * <p>The JVM turns file names into Strings with {@code sun.jnu.encoding}, which it derives from
 * the locale at start-up and which {@code -D} cannot override on JDK 17. Under {@code LC_ALL=C}
 * (cron, containers, no {@code LANG}) that is ASCII, and one accented name ("café été.jpg")
 * aborted a whole scan with "Malformed input". So, when the encoding is not UTF-8, the same java
 * binary is started again with the same class path, JVM options and arguments and
 * {@code LC_ALL=C.UTF-8}, its standard streams inherited, and its exit code becomes ours. An
 * environment marker stops a loop: when the child still is not UTF-8 (no such locale on the
 * system), it runs as it is. The cost is one more JVM start, only under a non-UTF-8 locale.
 */
final class Utf8Relaunch {

    /** Set in the child's environment: it never relaunches again. */
    static final String MARKER = "PARATHUMB_UTF8_RELAUNCHED";

    private static final String LOCALE = "C.UTF-8";

    private Utf8Relaunch() {
    }

    /**
     * The child's exit code when this process started one and it ended; empty when this process
     * should go on itself (already UTF-8, already relaunched, or the relaunch could not start).
     */
    static Optional<Integer> ifNeeded(String[] args) {
        if (isUtf8(System.getProperty("sun.jnu.encoding")) || System.getenv(MARKER) != null) {
            return Optional.empty();
        }
        ProcessBuilder builder = new ProcessBuilder(command(args)).inheritIO();
        Map<String, String> env = builder.environment();
        env.put("LC_ALL", LOCALE);
        env.put(MARKER, "1");
        Process child;
        try {
            child = builder.start();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        // Ctrl+C reaches the child too (same process group); wait for it to finish its summary.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> waitFor(child), "parathumb-relaunch"));
        return Optional.of(waitFor(child));
    }

    static boolean isUtf8(String encoding) {
        return encoding != null && (encoding.equalsIgnoreCase("UTF-8") || encoding.equalsIgnoreCase("UTF8"));
    }

    /** This very JVM's command line: its binary, options, class path, main class and {@code args}. */
    private static List<String> command(String[] args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        return command;
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // Keep waiting: leaving now would orphan a child still writing thumbnails.
            }
        }
    }
}
