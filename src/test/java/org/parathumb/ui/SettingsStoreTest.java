package org.parathumb.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.Test;

class SettingsStoreTest {

    private final Preferences node = new MemoryPreferences();
    private final SettingsStore store = new SettingsStore(node);

    @Test
    void nothingStoredGivesTheOriginalProgramsSettingsOnAllCores() {
        assertThat(store.load(4)).isEqualTo(new Settings(Optional.empty(), 50, 2.0, 4, List.of(), "faithful"));
    }

    @Test
    void whatIsSavedIsWhatIsLoadedNextTime() {
        Settings settings = new Settings(Optional.of(Path.of("/tmp/out")), 128, 3.5, 2,
                List.of(Path.of("/photos/a"), Path.of("/photos/b c")), "fast");
        store.save(settings);

        assertThat(new SettingsStore(node).load(4)).isEqualTo(settings);
    }

    @Test
    void aWorkerCountFromABiggerMachineIsCappedAtThisOnesCores() {
        store.save(new Settings(Optional.empty(), 50, 2, 16, List.of(), "faithful"));

        assertThat(store.load(2).workers()).isEqualTo(2);
    }

    @Test
    void unreadableValuesFallBackToDefaults() {
        node.put(SettingsStore.SIZE, "huge");
        node.put(SettingsStore.BLUR, "-3");
        node.put(SettingsStore.PIPELINE, "turbo");
        node.put(SettingsStore.WORKERS, "0");

        Settings settings = store.load(2);

        assertThat(settings.thumbnailSize()).isEqualTo(50);
        assertThat(settings.blurRadius()).isEqualTo(2.0);
        assertThat(settings.workers()).isEqualTo(1);
        assertThat(settings.pipeline()).isEqualTo("faithful");
    }

    @Test
    void theThemeIsSystemUntilChosenAndAnEarlierVersionsDarkChoiceIsKept() {
        assertThat(store.theme()).isEqualTo(ThemeChoice.SYSTEM);

        node.putBoolean(SettingsStore.DARK, true); // saved by a version with only a Dark toggle
        assertThat(new SettingsStore(node).theme()).isEqualTo(ThemeChoice.DARK);

        store.saveTheme(ThemeChoice.LIGHT);
        assertThat(new SettingsStore(node).theme()).isEqualTo(ThemeChoice.LIGHT);
        store.saveTheme(ThemeChoice.SYSTEM);
        assertThat(new SettingsStore(node).theme()).isEqualTo(ThemeChoice.SYSTEM);
    }
}
