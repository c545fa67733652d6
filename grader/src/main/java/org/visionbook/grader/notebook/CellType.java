package org.visionbook.grader.notebook;

import java.util.Locale;
import java.util.Optional;

/** The three kinds of cell nbformat 4 knows. */
public enum CellType {
    CODE, MARKDOWN, RAW;

    /** The name nbformat uses on disk. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<CellType> fromJson(String name) {
        for (CellType t : values()) {
            if (t.jsonName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
