package org.visionbook.kernel.engine;

/**
 * Where {@code System.exit} calls in cells go instead (see {@link ExitRewriter}): cells share the
 * kernel's JVM, and an exit there would silently end the kernel with all the notebook's state.
 * Public because the classes JShell compiles from cells call it.
 */
public final class CellExit {

    private CellExit() {
    }

    /** Thrown in the cell that called {@code System.exit}. */
    public static final class ExitAttempt extends RuntimeException {
        private final int status;

        ExitAttempt(int status) {
            super("System.exit(" + status + ") was called in a cell; the kernel keeps running and your"
                    + " variables are kept. To end a cell early, return or throw an exception.");
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Replaces {@code System.exit(status)} in cell code. */
    public static void exit(int status) {
        throw new ExitAttempt(status);
    }
}
