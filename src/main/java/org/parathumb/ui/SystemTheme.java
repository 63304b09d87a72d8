package org.parathumb.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop asks for a dark theme, where it can be told. JavaFX 22 and later say it
 * ({@code Platform.getPreferences().getColorScheme()}, read by reflection, as the build is on 21);
 * otherwise the desktop is asked: on Linux {@code GTK_THEME} ending in ":dark", then GNOME's
 * {@code color-scheme} ("prefer-dark") or its GTK theme's name ("Adwaita-dark"); on macOS
 * {@code AppleInterfaceStyle}; on Windows the registry's {@code AppsUseLightTheme}. Empty when it
 * cannot be told. The commands go through {@link Commands}, so tests feed their outputs.
 */
final class SystemTheme {

    /** How long a desktop command may take before it is given up on. */
    static final Duration TIMEOUT = Duration.ofMillis(1500);

    /** Runs a command and returns what it printed, or empty when it failed, timed out or does not exist. */
    @FunctionalInterface
    interface Commands {
        Optional<String> output(List<String> command);
    }

    private SystemTheme() {
    }

    /**
     * Asks the desktop of {@code osName} with {@code env} through {@code commands}: true for dark,
     * false for light, empty when it cannot be told. Never throws. Blocking: off the FX thread.
     */
    static Optional<Boolean> ask(String osName, Map<String, String> env, Commands commands) {
        try {
            String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
            if (os.startsWith("windows")) {
                return commands.output(List.of("reg", "query",
                        "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize", "/v",
                        "AppsUseLightTheme")).flatMap(SystemTheme::windows);
            }
            if (os.startsWith("mac")) {
                // The key exists only in dark mode: "Dark"; in light mode the command fails.
                return Optional.of(commands.output(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                        .map(out -> out.trim().equalsIgnoreCase("dark")).orElse(false));
            }
            String gtkTheme = env.getOrDefault("GTK_THEME", "");
            if (gtkTheme.toLowerCase(Locale.ROOT).endsWith(":dark")) {
                return Optional.of(true);
            }
            Optional<String> scheme = commands.output(List.of("gsettings", "get", "org.gnome.desktop.interface",
                    "color-scheme")).map(SystemTheme::unquote);
            if (scheme.filter(s -> s.equals("prefer-dark")).isPresent()) {
                return Optional.of(true);
            }
            if (scheme.filter(s -> s.equals("prefer-light")).isPresent()) {
                return Optional.of(false);
            }
            // "default", or a GNOME older than 42: the GTK theme's name says it ("Adwaita-dark", "Yaru-dark").
            return commands.output(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                    .map(SystemTheme::unquote).filter(t -> !t.isEmpty())
                    .map(t -> t.toLowerCase(Locale.ROOT).endsWith("-dark") || t.toLowerCase(Locale.ROOT).endsWith(":dark"))
                    .or(() -> scheme.map(s -> false));
        } catch (RuntimeException e) {
            return Optional.empty(); // a theme is never worth a failed start
        }
    }

    /** {@code AppsUseLightTheme    REG_DWORD    0x0}: 0 is dark. */
    private static Optional<Boolean> windows(String output) {
        for (String line : output.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3 && f[0].equalsIgnoreCase("AppsUseLightTheme")) {
                try {
                    return Optional.of(Long.decode(f[f.length - 1]) == 0);
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    private static String unquote(String text) {
        return text.trim().replaceAll("^'|'$", "").trim().toLowerCase(Locale.ROOT);
    }

    /**
     * What JavaFX itself says, where it can (22 and later: {@code Platform.getPreferences()}):
     * true for a dark colour scheme, false for light, empty on JavaFX 21 or when it does not know.
     * On the FX thread.
     */
    static Optional<Boolean> fromJavaFx() {
        try {
            Object preferences = javafx.application.Platform.class.getMethod("getPreferences").invoke(null);
            Object scheme = preferences.getClass().getMethod("getColorScheme").invoke(preferences);
            return scheme == null ? Optional.empty() : Optional.of(scheme.toString().equalsIgnoreCase("DARK"));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty(); // JavaFX 21: no preferences API
        }
    }

    /** This machine's desktop, asked with real commands, each given up after {@link #TIMEOUT}. */
    static Optional<Boolean> askThisDesktop() {
        return ask(System.getProperty("os.name"), System.getenv(), SystemTheme::run);
    }

    /** Runs {@code command} for at most {@link #TIMEOUT}; its output when it ended with 0. */
    static Optional<String> run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // not installed
        }
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            process.destroyForcibly();
        }
    }
}
