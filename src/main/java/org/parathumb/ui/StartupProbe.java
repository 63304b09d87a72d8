package org.parathumb.ui;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Opt-in measurement of the window's start-up: with {@code -Dparathumb.startupProbe=true} it logs
 * when the first frame of the shown window is laid out (its drawing follows on the render thread),
 * as wall-clock milliseconds and as milliseconds since the JVM started; with {@code =exit} it then
 * closes the application, so that a benchmark can launch the window again and again.
 */
final class StartupProbe implements Runnable {

    static final String PROPERTY = "parathumb.startupProbe";
    private static final System.Logger LOG = System.getLogger(StartupProbe.class.getName());

    private final Scene scene;
    private final boolean exit;

    private StartupProbe(Scene scene, boolean exit) {
        this.scene = scene;
        this.exit = exit;
    }

    /** Watches {@code stage}'s first frame when the property asks for it; does nothing otherwise. */
    static void install(Stage stage) {
        String mode = System.getProperty(PROPERTY, "false");
        if (!"true".equals(mode) && !"exit".equals(mode)) {
            return;
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, shown ->
                stage.getScene().addPostLayoutPulseListener(new StartupProbe(stage.getScene(), "exit".equals(mode))));
    }

    @Override
    public void run() {
        long now = System.currentTimeMillis();
        scene.removePostLayoutPulseListener(this);
        long sinceJvmStart = now - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.log(System.Logger.Level.INFO, String.format(Locale.ROOT,
                "first frame at %d (epoch ms), %d ms after the JVM started", now, sinceJvmStart));
        if (exit) {
            Platform.exit();
        }
    }
}
