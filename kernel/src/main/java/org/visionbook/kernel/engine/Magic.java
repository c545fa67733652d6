package org.visionbook.kernel.engine;

import java.util.List;

/**
 * A magic command: {@code %name args} on a line of its own, or {@code %%name args} as the first
 * line of a cell (then the rest of the cell is its body). Register one with
 * {@link Engine#registerLineMagic} or {@link Engine#registerCellMagic}.
 */
@FunctionalInterface
public interface Magic {

    /**
     * Runs the magic. Text it prints goes to the cell's output. The returned evaluation becomes the
     * cell's result when the magic ends the cell. A problem the user should fix is best reported by
     * throwing {@link IllegalArgumentException} with a message that says what to do.
     */
    Evaluation run(Call call) throws Exception;

    /**
     * One use of a magic: its name, its argument text, for cell magics the cell body, and where it
     * is ({@code label}, and the line of the magic, or of the body's first line for cell magics).
     */
    record Call(Engine engine, String name, String args, String body, String label, int line) {

        /** The arguments split on blanks, double quotes grouping. */
        public List<String> words() {
            return CellParts.words(args);
        }
    }
}
