package org.visionbook.grader.author;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StubWriterTest {

    private static final String MESSAGE = "exercise ex-1: not implemented yet";
    private JShellOracle jshell;

    @BeforeEach
    void startJShell() {
        jshell = new JShellOracle();
    }

    @AfterEach
    void stopJShell() {
        jshell.close();
    }

    private String stub(String source) throws AuthoringException {
        String stub = StubWriter.stubCode(source, "ex-1", "test cell");
        assertFalse(stub.contains("SOLUTION"), "markers must not survive:\n" + stub);
        assertFalse(stub.contains("secret"), "solution code must not survive:\n" + stub);
        return stub;
    }

    private void assertCompiles(String cell) {
        JShellOracle.Outcome o = jshell.eval(cell);
        assertTrue(o.compiled(), "does not compile: " + o.compileErrors() + "\n" + cell);
        assertEquals(null, o.exceptionMessage(), "defining the cell should not throw:\n" + cell);
    }

    private void assertThrowsMessage(String call) {
        JShellOracle.Outcome o = jshell.eval(call);
        assertTrue(o.compiled(), "does not compile: " + o.compileErrors() + "\n" + call);
        assertEquals(MESSAGE, o.exceptionMessage());
    }

    @Test
    void aMethodWithAReturnValueGetsABodyThatThrows() throws Exception {
        String stub = stub("""
                double[] scale(double[] v, double k) {
                    // BEGIN SOLUTION
                    double[] secret = v.clone();
                    for (int i = 0; i < v.length; i++) secret[i] *= k;
                    return secret;
                    // END SOLUTION
                }
                """);
        assertEquals("""
                double[] scale(double[] v, double k) {
                    // YOUR CODE HERE
                    throw new UnsupportedOperationException("exercise ex-1: not implemented yet");
                }
                """, stub);
        assertCompiles(stub);
        assertThrowsMessage("scale(new double[]{1}, 2)");
    }

    @Test
    void aVoidMethodCompilesToo() throws Exception {
        String stub = stub("""
                void fill(double[] v) {
                    // BEGIN SOLUTION
                    java.util.Arrays.fill(v, 1.0); // secret
                    // END SOLUTION
                }
                """);
        assertCompiles(stub);
        assertThrowsMessage("fill(new double[2])");
    }

    @Test
    void codeAfterTheRegionStaysReachable() throws Exception {
        String stub = stub("""
                double[] relu(double[] z) {
                    double[] out = new double[z.length];
                    // BEGIN SOLUTION
                    for (int i = 0; i < z.length; i++) out[i] = Math.max(0, z[i]); // secret
                    // END SOLUTION
                    return out;
                }
                """);
        assertTrue(stub.contains("if (true) throw"), stub);
        assertTrue(stub.contains("return out;"), stub);
        assertCompiles(stub);
        assertThrowsMessage("relu(new double[]{-1, 2})");
    }

    @Test
    void topLevelStatementsBecomeOneThrowStatement() throws Exception {
        String stub = stub("""
                int[] counts = new int[10];
                // BEGIN SOLUTION
                for (int i = 0; i < 10; i++) counts[i] = i; // secret
                // END SOLUTION
                """);
        assertEquals("""
                int[] counts = new int[10];
                // YOUR CODE HERE
                throw new UnsupportedOperationException("exercise ex-1: not implemented yet");
                """, stub);
        assertThrowsMessage(stub);
    }

    @Test
    void aWholeMethodInsideTheRegionKeepsItsSignature() throws Exception {
        String stub = stub("""
                // BEGIN SOLUTION
                /** Numerically stable softmax. */
                static double[] softmax(double[] z) {
                    double max = java.util.Arrays.stream(z).max().orElse(0); // secret
                    double[] e = java.util.Arrays.stream(z).map(x -> Math.exp(x - max)).toArray();
                    double sum = java.util.Arrays.stream(e).sum();
                    return java.util.Arrays.stream(e).map(x -> x / sum).toArray();
                }

                int argmax(double[] v) { int best = 0; for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i; return best; } // secret
                // END SOLUTION
                """);
        assertTrue(stub.contains("/** Numerically stable softmax. */"), stub);
        assertTrue(stub.contains("static double[] softmax(double[] z) {"), stub);
        assertTrue(stub.contains("int argmax(double[] v) {"), stub);
        assertFalse(stub.contains("Math.exp"), stub);
        assertCompiles(stub);
        assertThrowsMessage("softmax(new double[]{1, 2})");
        assertThrowsMessage("argmax(new double[]{1, 2})");
    }

    @Test
    void topLevelDeclarationsAndStatementsTogetherKeepTheDeclarationsAndThrow() throws Exception {
        String stub = stub("""
                // BEGIN SOLUTION
                double half(double x) { return x / 2; } // secret
                var demo = half(4);
                // END SOLUTION
                """);
        assertTrue(stub.contains("double half(double x) {"), stub);
        assertFalse(stub.contains("var demo"), stub);
        assertThrowsMessage(stub);
        assertThrowsMessage("half(1)");
    }

    @Test
    void aRegionInAClassBodyStubsItsMethodsAndKeepsFields() throws Exception {
        String stub = stub("""
                class MaxPool {
                    final int size;
                    MaxPool(int size) { this.size = size; }
                    // BEGIN SOLUTION
                    double[] forward(double[] x) {
                        String brace = "{ not a brace }"; // secret
                        double[] out = new double[x.length / size];
                        return out;
                    }
                    // END SOLUTION
                    int size() { return size; }
                }
                """);
        assertTrue(stub.contains("    double[] forward(double[] x) {\n        // YOUR CODE HERE\n"), stub);
        assertCompiles(stub);
        assertThrowsMessage("new MaxPool(2).forward(new double[4])");
        JShellOracle.Outcome size = jshell.eval("new MaxPool(3).size()");
        assertTrue(size.compiled() && size.exceptionMessage() == null, size.toString());
    }

    @Test
    void aWholeClassInsideTheRegionKeepsItsShape() throws Exception {
        String stub = stub("""
                // BEGIN SOLUTION
                record Stats(double mean, double std) {
                    static Stats of(double[] v) {
                        double m = java.util.Arrays.stream(v).average().orElse(0); // secret
                        return new Stats(m, 0);
                    }
                    double zscore(double x) { return (x - mean) / std; } // secret
                }
                // END SOLUTION
                """);
        assertTrue(stub.contains("record Stats(double mean, double std) {"), stub);
        assertCompiles(stub);
        assertThrowsMessage("Stats.of(new double[]{1})");
        assertThrowsMessage("new Stats(0, 1).zscore(1)");
    }

    @Test
    void aRegionInsideALambdaIsAStatementStub() throws Exception {
        String stub = stub("""
                java.util.function.DoubleUnaryOperator sigmoid() {
                    return x -> {
                        // BEGIN SOLUTION
                        return 1 / (1 + Math.exp(-x)); // secret
                        // END SOLUTION
                    };
                }
                """);
        assertCompiles(stub);
        assertThrowsMessage("sigmoid().applyAsDouble(0)");
    }

    @Test
    void aCellWithoutMarkersIsStubbedWhole() throws Exception {
        String stub = stub("""
                int twice(int x) {
                    return 2 * x; // secret
                }
                """);
        assertCompiles(stub);
        assertThrowsMessage("twice(2)");
    }

    @Test
    void severalRegionsInOneCellAreEachStubbed() throws Exception {
        String stub = stub("""
                double mean(double[] v) {
                    // BEGIN SOLUTION
                    return java.util.Arrays.stream(v).average().orElse(0); // secret
                    // END SOLUTION
                }
                double max(double[] v) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (double x : v) {
                        // BEGIN SOLUTION
                        best = Math.max(best, x); // secret
                        // END SOLUTION
                    }
                    return best;
                }
                """);
        assertCompiles(stub);
        assertThrowsMessage("mean(new double[]{1})");
        assertThrowsMessage("max(new double[]{1})");
    }

    @Test
    void hiddenTestsAreRemovedWithTheirMarkers() throws Exception {
        String visible = StubWriter.removeHiddenTests("""
                check(1);
                // BEGIN HIDDEN TESTS
                check(2);
                // END HIDDEN TESTS
                check(3);
                """, "test cell");
        assertEquals("check(1);\ncheck(3);\n", visible);
    }

    @Test
    void anUnclosedRegionIsAnErrorNamingTheLine() {
        AuthoringException e = assertThrows(AuthoringException.class, () -> StubWriter.stubCode("""
                int f() {
                    // BEGIN SOLUTION
                    return 1;
                }
                """, "ex-1", "sol.ipynb: cell 3"));
        assertTrue(e.getMessage().contains("sol.ipynb: cell 3, line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
    }

    @Test
    void anEndWithoutBeginIsAnError() {
        AuthoringException e = assertThrows(AuthoringException.class,
                () -> StubWriter.removeHiddenTests("a();\n// END HIDDEN TESTS\n", "cell 1"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void nestedRegionsAreAnError() {
        AuthoringException e = assertThrows(AuthoringException.class, () -> StubWriter.stubCode(
                "// BEGIN SOLUTION\n// BEGIN HIDDEN TESTS\n// END HIDDEN TESTS\n// END SOLUTION\n", "ex-1", "cell 1"));
        assertTrue(e.getMessage().contains("cannot nest"), e.getMessage());
    }

    @Test
    void aRegionInsideAnArrayInitializerIsRefused() {
        AuthoringException e = assertThrows(AuthoringException.class, () -> StubWriter.stubCode("""
                int[] table = {
                    // BEGIN SOLUTION
                    1, 2, 3
                    // END SOLUTION
                };
                """, "ex-1", "cell 1"));
        assertTrue(e.getMessage().contains("array initializer"), e.getMessage());
    }

    @Test
    void theExceptionMessageIsAValidJavaStringForAnyId() {
        assertEquals("\"a \\\"b\\\" \\\\ c\"", StubWriter.javaString("a \"b\" \\ c"));
    }
}
