package org.visionbook.kernel.engine;

import java.util.List;

/**
 * A failed cell, as Jupyter shows it: the error's name, its message and the lines of a friendly
 * traceback (ANSI-coloured, one line per entry, cell lines instead of kernel frames).
 */
public record CellError(String name, String message, List<String> traceback) {

    public CellError {
        name = name == null ? "Error" : name;
        message = message == null ? "" : message;
        traceback = List.copyOf(traceback);
    }

    /** The traceback without colours, for logs and terminals. */
    public String plainText() {
        return String.join("\n", traceback).replaceAll("\u001B\\[[;\\d]*m", "");
    }
}
