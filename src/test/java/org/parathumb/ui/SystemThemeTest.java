package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Telling a dark desktop from a light one by what its commands print: no desktop needed. */
class SystemThemeTest {

    private final List<String> asked = new ArrayList<>();

    /** Commands that print {@code outputs} by their last argument; any other fails as if not installed. */
    private SystemTheme.Commands printing(Map<String, String> outputs) {
        return command -> {
            asked.add(String.join(" ", command));
            return Optional.ofNullable(outputs.get(command.get(command.size() - 1)));
        };
    }

    @Test
    void gnomePreferringDarkIsDarkAndPreferringLightIsLight() {
        assertThat(SystemTheme.ask("Linux", Map.of(), printing(Map.of("color-scheme", "'prefer-dark'\n"))))
                .contains(true);
        assertThat(SystemTheme.ask("Linux", Map.of(), printing(Map.of("color-scheme", "'prefer-light'\n"))))
                .contains(false);
        assertThat(asked).first().isEqualTo("gsettings get org.gnome.desktop.interface color-scheme");
    }

    @Test
    void gnomeDefaultSchemeFallsBackOnTheGtkThemesName() {
        assertThat(SystemTheme.ask("Linux", Map.of(),
                printing(Map.of("color-scheme", "'default'\n", "gtk-theme", "'Adwaita-dark'\n")))).contains(true);
        assertThat(SystemTheme.ask("Linux", Map.of(),
                printing(Map.of("color-scheme", "'default'\n", "gtk-theme", "'Yaru'\n")))).contains(false);
        assertThat(SystemTheme.ask("Linux", Map.of(), printing(Map.of("color-scheme", "'default'\n"))))
                .as("the scheme said default and nothing more: light").contains(false);
    }

    @Test
    void aGtkThemeVariableEndingInDarkIsDarkWithoutRunningAnything() {
        assertThat(SystemTheme.ask("Linux", Map.of("GTK_THEME", "Adwaita:dark"), printing(Map.of()))).contains(true);
        assertThat(asked).isEmpty();
    }

    @Test
    void aDesktopWithoutGsettingsCannotTell() {
        assertThat(SystemTheme.ask("Linux", Map.of("GTK_THEME", "Adwaita"), printing(Map.of()))).isEmpty();
        assertThat(SystemTheme.ask("FreeBSD", Map.of(), command -> {
            throw new IllegalStateException("a broken command runner");
        })).isEmpty();
    }

    @Test
    void macOsIsDarkOnlyWhenItsInterfaceStyleSaysDark() {
        assertThat(SystemTheme.ask("Mac OS X", Map.of(), printing(Map.of("AppleInterfaceStyle", "Dark\n")))).contains(true);
        // in light mode the key does not exist and the command fails
        assertThat(SystemTheme.ask("Mac OS X", Map.of(), printing(Map.of()))).contains(false);
        assertThat(asked).first().isEqualTo("defaults read -g AppleInterfaceStyle");
    }

    @Test
    void windowsIsDarkWhenAppsDoNotUseTheLightTheme() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n\r\n";
        assertThat(SystemTheme.ask("Windows 11", Map.of(), printing(Map.of("AppsUseLightTheme", dark)))).contains(true);
        assertThat(SystemTheme.ask("Windows 11", Map.of(),
                printing(Map.of("AppsUseLightTheme", dark.replace("0x0", "0x1"))))).contains(false);
        assertThat(SystemTheme.ask("Windows 10", Map.of(), printing(Map.of()))).isEmpty();
        assertThat(asked).first().asString().startsWith("reg query HKCU\\Software\\Microsoft\\Windows");
    }

    @Test
    void aCommandThatDoesNotExistGivesNothingAndDoesNotThrow() {
        assertThat(SystemTheme.run(List.of("parathumb-no-such-command-" + System.nanoTime()))).isEmpty();
        assertThat(SystemTheme.run(List.of("sh", "-c", "exit 3"))).isEmpty();
        assertThat(SystemTheme.run(List.of("sh", "-c", "echo prefer-dark"))).contains("prefer-dark\n");
    }

    @Test
    void aJavaFxWithoutThePreferencesApiCannotTellAndDoesNotThrow() {
        boolean has = java.util.Arrays.stream(javafx.application.Platform.class.getMethods())
                .anyMatch(m -> m.getName().equals("getPreferences"));
        Optional<Boolean> told = SystemTheme.fromJavaFx();
        if (!has) { // JavaFX 21, this build's
            assertThat(told).isEmpty();
        }
    }
}
