package org.parathumb.app;

import org.parathumb.cli.ParathumbCommand;
import org.parathumb.ui.ParathumbApp;

/**
 * Decides between a headless command and the window. It is deliberately not a JavaFX
 * {@code Application}, so the commands never start the FX toolkit.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || "window".equals(args[0])) {
            ParathumbApp.launchWindow(args.length == 0 ? new String[0] : java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(ParathumbCommand.execute(args));
    }
}
