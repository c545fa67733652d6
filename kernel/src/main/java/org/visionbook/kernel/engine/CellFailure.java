package org.visionbook.kernel.engine;

/** Carries a {@link CellError} out of nested evaluation (a magic running code, a loaded file). */
public final class CellFailure extends RuntimeException {
    private final CellError error;

    public CellFailure(CellError error) {
        super(error.name() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public CellError error() {
        return error;
    }
}
