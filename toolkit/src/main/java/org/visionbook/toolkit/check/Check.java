package org.visionbook.toolkit.check;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.visionbook.toolkit.display.Display;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Feedback for an exercise, used by the test cells of a notebook:
 *
 * <pre>{@code
 * Check.exercise("softmax")
 *     .close("probabilities sum to one", 1.0, () -> sum(softmax(z)), 1e-9)
 *     .close("large inputs stay finite", expected, () -> softmax(big), 1e-9)
 *         .hint("exp(1000) overflows: subtract max(z) before exponentiating")
 *     .done();
 * }</pre>
 *
 * Each check says what was expected and what was got (shapes, a few values, the largest
 * difference; for 2-D and 3-D arrays a picture of expected, actual and their difference). The
 * student's code runs inside a supplier, so an exception - such as the stub's "not implemented
 * yet" - fails that one check with its message instead of ending the cell. Each check carries a
 * weight (1 by default): the exercise's score is the passed share, which the autograder turns
 * into partial credit.
 *
 * <p>{@link #done()} shows the report (text and HTML) and throws an {@link AssertionError} if
 * anything failed, so a failing test cell is marked as an error in Jupyter too.
 */
public final class Check implements Displayable, AutoCloseable {

    /** Code under test that may throw anything. */
    @FunctionalInterface
    public interface Action {
        void run() throws Throwable;
    }

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final String exercise;
    private final List<Outcome> outcomes = new ArrayList<>();
    private final List<String> hints = new ArrayList<>();
    private boolean done;

    private Check(String exercise) {
        this.exercise = Objects.requireNonNull(exercise, "exercise");
    }

    /** Starts the checks of one exercise; {@code exerciseId} is shown in the report. */
    public static Check exercise(String exerciseId) {
        Check check = new Check(exerciseId);
        Grading.attach(check, WALKER.getCallerClass());
        return check;
    }

    public String exerciseId() {
        return exercise;
    }

    // ---------------------------------------------------------------- checks

    /** Passes if {@code condition} holds. */
    public Check isTrue(String what, BooleanSupplier condition) {
        return record(what, () -> condition.getAsBoolean()
                ? Outcome.pass(what)
                : Outcome.fail(what, "expected: true\ngot:      false"));
    }

    /**
     * Passes if {@code actual} equals {@code expected} ({@code equals}, or element by element for
     * arrays).
     */
    public Check equal(String what, Object expected, Supplier<?> actual) {
        return record(what, () -> {
            Object got = actual.get();
            boolean same = Arrays.deepEquals(new Object[]{expected}, new Object[]{got});
            return same ? Outcome.pass(what)
                    : Outcome.fail(what, "expected: " + describe(expected) + "\ngot:      " + describe(got));
        });
    }

    /** Passes if a number is within {@code tolerance} of {@code expected} (absolute difference). */
    public Check close(String what, double expected, DoubleSupplier actual, double tolerance) {
        return record(what, () -> {
            double got = actual.getAsDouble();
            double diff = Math.abs(got - expected);
            boolean ok = diff <= tolerance || (Double.isNaN(expected) && Double.isNaN(got)) || expected == got;
            return ok ? Outcome.pass(what) : Outcome.fail(what, "expected: " + Values.number(expected)
                    + " (± " + Values.number(tolerance) + ")\ngot:      " + Values.number(got)
                    + "\ndifference " + Values.number(diff));
        });
    }

    /** Passes if the shapes match and every value is within {@code tolerance} (absolute). */
    public Check close(String what, double[] expected, Supplier<double[]> actual, double tolerance) {
        return closeArrays(what, expected, actual, tolerance);
    }

    /** As {@link #close(String, double[], Supplier, double)}, for a matrix; a failure shows a picture. */
    public Check close(String what, double[][] expected, Supplier<double[][]> actual, double tolerance) {
        return closeArrays(what, expected, actual, tolerance);
    }

    /** As {@link #close(String, double[], Supplier, double)}, for channels × rows × columns. */
    public Check close(String what, double[][][] expected, Supplier<double[][][]> actual, double tolerance) {
        return closeArrays(what, expected, actual, tolerance);
    }

    /** As {@link #close(String, double[], Supplier, double)}, for ND4J arrays of any rank. */
    public Check close(String what, INDArray expected, Supplier<INDArray> actual, double tolerance) {
        return closeArrays(what, expected, actual, tolerance);
    }

    /**
     * Passes if {@code actual} (an {@link INDArray} or a Java array) has the {@code expected}
     * shape.
     */
    public Check shape(String what, long[] expected, Supplier<?> actual) {
        return record(what, () -> {
            Object got = actual.get();
            if (!Values.isArray(got)) {
                return Outcome.fail(what, "expected an array of shape " + Values.shape(expected) + "\ngot:      " + describe(got));
            }
            long[] s = Values.flatten(got, "the result").shape();
            return Arrays.equals(s, expected) ? Outcome.pass(what)
                    : Outcome.fail(what, "expected shape " + Values.shape(expected) + "\ngot shape      " + Values.shape(s));
        });
    }

    /** Passes if {@code action} throws an exception of type {@code expected} (or a subtype). */
    public Check throwsException(String what, Class<? extends Throwable> expected, Action action) {
        return record(what, () -> {
            try {
                action.run();
            } catch (ThreadDeath d) {
                throw d;
            } catch (Throwable t) {
                return expected.isInstance(t) ? Outcome.pass(what)
                        : Outcome.fail(what, "expected " + expected.getSimpleName() + " to be thrown\ngot:      " + thrown(t));
            }
            return Outcome.fail(what, "expected " + expected.getSimpleName() + " to be thrown\ngot:      no exception");
        });
    }

    /**
     * Adds a hint to the check just made, shown when it fails. Before any check, the hint is
     * for the whole exercise, shown when anything fails.
     */
    public Check hint(String text) {
        Objects.requireNonNull(text, "hint");
        if (outcomes.isEmpty()) {
            hints.add(text);
        } else {
            outcomes.set(outcomes.size() - 1, last().withHint(text));
        }
        return this;
    }

    /** Sets the weight of the check just made (1 by default): its share of the exercise's points. */
    public Check weight(double weight) {
        if (outcomes.isEmpty()) {
            throw new IllegalStateException("weight(...) applies to the check before it; make a check first");
        }
        outcomes.set(outcomes.size() - 1, last().withWeight(weight));
        return this;
    }

    // ---------------------------------------------------------------- results

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    public boolean allPassed() {
        return outcomes.stream().allMatch(Outcome::passed);
    }

    public double passedWeight() {
        return outcomes.stream().filter(Outcome::passed).mapToDouble(Outcome::weight).sum();
    }

    public double totalWeight() {
        return outcomes.stream().mapToDouble(Outcome::weight).sum();
    }

    /** Hints for the whole exercise, in the order given. */
    public List<String> exerciseHints() {
        return List.copyOf(hints);
    }

    /**
     * Shows the report and throws an {@link AssertionError} if any check failed. Calling it again
     * does nothing.
     */
    public void done() {
        if (done) {
            return;
        }
        done = true;
        Display.show(this);
        if (!allPassed()) {
            long failed = outcomes.stream().filter(o -> !o.passed()).count();
            throw new AssertionError(exercise + ": " + failed + " of " + outcomes.size() + " checks failed (see the report above)");
        }
    }

    /** Same as {@link #done()}, for try-with-resources. */
    @Override
    public void close() {
        done();
    }

    @Override
    public MimeBundle toMimeBundle() {
        return Report.of(this);
    }

    @Override
    public String toString() {
        return Report.text(this);
    }

    // ---------------------------------------------------------------- internals

    private Outcome last() {
        return outcomes.get(outcomes.size() - 1);
    }

    private interface Evaluation {
        Outcome run() throws Throwable;
    }

    private Check record(String what, Evaluation evaluation) {
        Objects.requireNonNull(what, "what");
        Outcome outcome;
        try {
            outcome = evaluation.run();
        } catch (ThreadDeath d) {
            throw d;
        } catch (Throwable t) {
            outcome = Outcome.fail(what, "your code threw " + thrown(t));
        }
        outcomes.add(outcome);
        return this;
    }

    private Check closeArrays(String what, Object expected, Supplier<?> actual, double tolerance) {
        return record(what, () -> {
            Values.Flat e = Values.flatten(expected, "the expected value");
            Object got = actual.get();
            if (!Values.isArray(got)) {
                return Outcome.fail(what, "expected an array of shape " + Values.shape(e.shape()) + "\ngot:      " + describe(got));
            }
            Values.Flat a = Values.flatten(got, "your result");
            if (!Arrays.equals(e.shape(), a.shape())) {
                return Outcome.fail(what, "expected shape " + Values.shape(e.shape()) + "\ngot shape      " + Values.shape(a.shape())
                        + "\nexpected: " + Values.preview(e) + "\ngot:      " + Values.preview(a));
            }
            int bad = 0;
            int worst = -1;
            double worstDiff = -1;
            for (int i = 0; i < e.values().length; i++) {
                double x = e.values()[i];
                double y = a.values()[i];
                boolean ok = Math.abs(x - y) <= tolerance || x == y || (Double.isNaN(x) && Double.isNaN(y));
                if (!ok) {
                    bad++;
                    double d = Double.isNaN(y - x) ? Double.POSITIVE_INFINITY : Math.abs(y - x);
                    if (d > worstDiff) {
                        worstDiff = d;
                        worst = i;
                    }
                }
            }
            if (bad == 0) {
                return Outcome.pass(what);
            }
            String detail = "expected: " + Values.preview(e) + "\ngot:      " + Values.preview(a)
                    + "\n" + bad + " of " + e.values().length + " values differ by more than " + Values.number(tolerance)
                    + "; the largest difference is at " + Values.coordinates(e.shape(), worst)
                    + ": expected " + Values.number(e.values()[worst]) + ", got " + Values.number(a.values()[worst])
                    + " (shape " + Values.shape(e.shape()) + ")";
            return Outcome.fail(what, detail).withPicture(Pictures.of(e, a));
        });
    }

    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (Values.isArray(value)) {
            try {
                Values.Flat f = Values.flatten(value, "the value");
                return Values.preview(f) + " (shape " + Values.shape(f.shape()) + ")";
            } catch (IllegalArgumentException e) {
                return Arrays.deepToString(new Object[]{value}).replaceAll("^\\[|]$", "");
            }
        }
        if (value instanceof Double d) {
            return Values.number(d);
        }
        if (value instanceof Float f) {
            return Values.number(f);
        }
        if (value instanceof CharSequence s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }

    static String thrown(Throwable t) {
        String name = t.getClass().getSimpleName();
        String message = t.getMessage();
        if (t instanceof StackOverflowError) {
            message = "a method calls itself without end?";
        }
        return name + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
