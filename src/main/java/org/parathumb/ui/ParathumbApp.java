package org.parathumb.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application: the main window. */
public final class ParathumbApp extends Application {

    /** Opens the window; {@code args} may name folders or images to load at start. */
    public static void launchWindow(String[] args) {
        Application.launch(ParathumbApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Parathumb");
        stage.setScene(new Scene(new Label("Parathumb"), 640, 480));
        stage.show();
    }
}
