package org.visionbook.kernel.engine;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.Optional;

/**
 * What a cell ended with: success, with the value of its last expression rendered as an
 * {@code execute_result} (absent for statements and declarations), or an error.
 */
public sealed interface CellOutcome {

    record Success(Optional<DisplayData> result) implements CellOutcome {
    }

    record Failure(CellError error) implements CellOutcome {
    }

    default boolean succeeded() {
        return this instanceof Success;
    }
}
