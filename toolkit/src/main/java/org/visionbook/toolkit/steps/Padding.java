package org.visionbook.toolkit.steps;

/**
 * How many zero rows and columns surround the input before a kernel or pooling window slides
 * over it.
 *
 * <ul>
 *   <li>{@link #valid()}: none; the window stays inside the input, so the output shrinks.</li>
 *   <li>{@link #same()}: as much as needed for the output to have ⌈n / s⌉ cells (the input's size
 *       when the stride is 1). When the needed amount is odd, the extra row goes at the bottom
 *       (extra column at the right), as in TensorFlow and ND4J.</li>
 *   <li>{@link #of(int)}, {@link #of(int, int)}: an explicit amount on each side.</li>
 * </ul>
 */
public sealed interface Padding {

    static Padding valid() {
        return Valid.INSTANCE;
    }

    static Padding same() {
        return Same.INSTANCE;
    }

    /** {@code p} zeros on all four sides. */
    static Padding of(int p) {
        return new Explicit(p, p);
    }

    /** {@code rows} zeros above and below, {@code cols} zeros left and right. */
    static Padding of(int rows, int cols) {
        return new Explicit(rows, cols);
    }

    /** No padding. */
    enum Valid implements Padding {
        INSTANCE;

        @Override
        public String toString() {
            return "valid";
        }
    }

    /** Enough padding to keep ⌈n / s⌉ outputs. */
    enum Same implements Padding {
        INSTANCE;

        @Override
        public String toString() {
            return "same";
        }
    }

    /** A fixed number of zero rows (top and bottom) and columns (left and right). */
    record Explicit(int rows, int cols) implements Padding {
        public Explicit {
            if (rows < 0 || cols < 0) {
                throw new IllegalArgumentException(
                        "padding must be 0 or more on each side; got rows=" + rows + ", cols=" + cols);
            }
        }

        @Override
        public String toString() {
            return rows == cols ? String.valueOf(rows) : rows + "x" + cols;
        }
    }
}
