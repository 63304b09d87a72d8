package org.parathumb.ui;

import java.util.Locale;
import java.util.Optional;

/** The theme the user picks: always light, always dark, or whatever the system says (the default). */
public enum ThemeChoice {
    LIGHT("Light theme"), DARK("Dark theme"), SYSTEM("System theme");

    private final String label;

    ThemeChoice(String label) {
        this.label = label;
    }

    /** What the theme menu shows. */
    public String label() {
        return label;
    }

    /** Whether the windows are dark under this choice, when the system is {@code systemDark}. */
    public boolean dark(boolean systemDark) {
        return this == DARK || this == SYSTEM && systemDark;
    }

    /** The choice stored as {@code text} ("light", "dark", "system"), if it is one. */
    static Optional<ThemeChoice> parse(String text) {
        for (ThemeChoice c : values()) {
            if (c.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** How it is stored. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
