package org.visionbook.kernel.engine;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineTest {

    static Engine engine;
    static int count;

    @BeforeAll
    static void start() {
        engine = Engine.start(EngineConfig.defaults());
        assertEquals(java.util.List.of(), engine.startupProblems());
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void startingAnEngineGivesNd4jTheToolkitsThreadSetting() {
        assertTrue(org.visionbook.toolkit.perf.Performance.threadsConfigured(), "Engine.start configures ND4J's threads");
        boolean chosenByUser = System.getenv("VISIONBOOK_THREADS") != null || System.getenv("OMP_NUM_THREADS") != null
                || System.getProperty("visionbook.threads") != null;
        if (!chosenByUser && Runtime.getRuntime().availableProcessors() <= 2) {
            assertEquals(1, org.nd4j.linalg.factory.Nd4j.getEnvironment().maxMasterThreads(),
                    "one native thread on two cores or fewer");
            // OpenMP's count is per thread: the thread that runs cells must have it too
            CellOutcome outcome = run("org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads()",
                    new RecordingListener());
            assertEquals("1", resultText(outcome), "OpenMP threads on the cell thread");
        }
    }

    static CellOutcome run(String code, RecordingListener listener) {
        return engine.execute(code, ++count, listener);
    }

    static String resultText(CellOutcome outcome) {
        CellOutcome.Success ok = assertInstanceOf(CellOutcome.Success.class, outcome, () -> "failed: " + outcome);
        return ok.result().map(d -> String.valueOf(d.getData(MIMEType.TEXT_PLAIN))).orElse(null);
    }

    static CellError error(CellOutcome outcome) {
        return assertInstanceOf(CellOutcome.Failure.class, outcome, () -> "expected a failure, got " + outcome).error();
    }

    @Test
    void printsToStdoutAndReturnsTheLastExpressionsValue() {
        RecordingListener out = new RecordingListener();
        CellOutcome outcome = run("System.out.println(\"hello, world\");\nint a = 20;\na + 22", out);
        assertEquals("42", resultText(outcome));
        assertEquals("hello, world\n", out.stdout());
        assertEquals("", out.stderr());
    }

    @Test
    void aTrailingSemicolonHidesTheLastValueAsInIPython() {
        assertEquals(null, resultText(run("1 + 1;", new RecordingListener())));
        assertEquals("2", resultText(run("1 + 1", new RecordingListener())));
        assertEquals("2", resultText(run("1 + 1 // a comment after the value", new RecordingListener())));
        assertEquals(null, resultText(run("System.setProperty(\"visionbook.test.semicolon\", \"x\");", new RecordingListener())),
                "the previous value of the property is not shown");
        assertEquals(null, resultText(run("int six = 6;\nsix * 7;", new RecordingListener())));
        assertEquals("42", resultText(run("six * 7;\nsix * 7", new RecordingListener())), "only the last snippet decides");
    }

    @Test
    void aCompileErrorSaysWhichLinesOfTheCellAlreadyRan() {
        RecordingListener out = new RecordingListener();
        CellError e = error(run("int ranFirst = 1;\nSystem.out.println(\"printed\");\nint broken = \"no\";", out));
        assertEquals("CompileError", e.name());
        assertTrue(e.plainText().contains("Lines 1\u20132 of cell [" + count + "] ran before this error"), e.plainText());
        assertEquals("printed\n", out.stdout());
        assertEquals("1", resultText(run("ranFirst", new RecordingListener())), "what ran is kept, as the error says");

        CellError first = error(run("int alsoBroken = \"no\";\nint never = 2;", new RecordingListener()));
        assertFalse(first.plainText().contains("ran before this error"), first.plainText());
    }

    @Test
    void keepsVariablesAcrossCells() {
        run("var greeting = \"hi\";", new RecordingListener());
        assertEquals("hi there", resultText(run("greeting + \" there\"", new RecordingListener())));
    }

    @Test
    void statementsAndDeclarationsHaveNoResult() {
        assertEquals(null, resultText(run("int unused = 3;", new RecordingListener())));
        assertEquals(null, resultText(run("System.out.print(\"\")", new RecordingListener())));
        assertEquals(null, resultText(run("System.out.printf(\"%d%n\", 1)", new RecordingListener())), "printf returns the stream");
    }

    @Test
    void aCompileErrorMarksTheOffendingSpanOnTheCellLine() {
        CellError e = error(run("int ok = 1;\nint bad = \"text\";", new RecordingListener()));
        assertEquals("CompileError", e.name());
        String text = e.plainText();
        System.out.println(text);
        assertTrue(text.contains("line 2"), text);
        assertTrue(text.contains("    int bad = \"text\";"), text);
        assertTrue(text.contains("              ^^^^^^"), text);
        assertTrue(e.message().contains("incompatible types"), e.message());
    }

    @Test
    void aRuntimeErrorNamesTheCellLineWithoutKernelFrames() {
        run("int half(int x) {\n  return 10 / x;\n}", new RecordingListener());
        CellError e = error(run("int a = 1;\nint b = half(0);", new RecordingListener()));
        String text = e.plainText();
        System.out.println(text);
        assertEquals("ArithmeticException", e.name());
        assertTrue(text.contains("java.lang.ArithmeticException: / by zero"), text);
        assertTrue(text.contains("half (cell [" + (count - 1) + "], line 2):  return 10 / x;"), text);
        assertTrue(text.contains("line 2:  int b = half(0);"), text);
        assertFalse(text.contains("org.visionbook.kernel"), text);
        assertFalse(text.contains("jdk.jshell"), text);
        assertFalse(text.contains("reflect"), text);
    }

    @Test
    void displayReturnsAnIdAndUpdateDisplayReplacesThatOutput() {
        RecordingListener out = new RecordingListener();
        CellOutcome outcome = run("String id = display(\"first\");\nupdateDisplay(id, \"second\");\nid", out);
        String id = resultText(outcome);
        assertEquals(1, out.of("display").size());
        assertEquals(1, out.of("update").size());
        DisplayData shown = out.of("display").get(0).data();
        DisplayData updated = out.of("update").get(0).data();
        assertEquals(id, shown.getDisplayId());
        assertEquals(id, updated.getDisplayId());
        assertEquals("first", shown.getData(MIMEType.TEXT_PLAIN));
        assertEquals("second", updated.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void preloadedImportsLetACellUseNd4jTablesawXChartAndTheToolkitWithoutImports() {
        RecordingListener out = new RecordingListener();
        CellOutcome outcome = run("INDArray x = Nd4j.ones(DataType.FLOAT, 2, 3);\n"
                + "Table t = Table.create(\"t\");\n"
                + "XYChart c = new XYChartBuilder().width(100).height(80).build();\n"
                + "MimeBundle b = MimeBundle.of(\"toolkit\");\n"
                + "x.sumNumber().intValue()", out);
        assertEquals("6", resultText(outcome));
    }

    @Test
    void redefiningAMethodOrClassKeepsUnrelatedVariables() {
        run("int kept = 41;\nint twice(int x) { return 2 * x; }\nclass Box { int v = 1; }", new RecordingListener());
        run("int twice(int x) { return x + x + 0; }\nclass Box { int v = 2; }", new RecordingListener());
        assertEquals("42", resultText(run("kept + new Box().v - 1 + twice(0)", new RecordingListener())));
    }

    @Test
    void systemExitInACellIsReportedAndTheEngineKeepsItsState() {
        run("int beforeExit = 7;", new RecordingListener());
        CellError e = error(run("System.out.println(\"bye\");\nSystem.exit(3);", new RecordingListener()));
        assertEquals("SystemExit", e.name());
        assertTrue(e.message().contains("System.exit(3)"), e.message());
        assertTrue(e.plainText().contains("line 2:  System.exit(3);"), e.plainText());
        assertEquals("7", resultText(run("beforeExit", new RecordingListener())));
    }

    @Test
    void systemExitInAMethodDefinedInACellIsReportedToo() {
        run("void quit() { System.exit(1); }", new RecordingListener());
        assertEquals("SystemExit", error(run("quit();", new RecordingListener())).name());
    }

    @Test
    void isCompleteTellsCompleteFromIncompleteAndInvalidCode() {
        assertEquals(Engine.Completeness.COMPLETE, engine.isComplete("int x = 1;"));
        assertEquals(Engine.Completeness.COMPLETE, engine.isComplete("1 + 1"));
        assertEquals(Engine.Completeness.COMPLETE, engine.isComplete("%time 1 + 1"));
        assertEquals(Engine.Completeness.INCOMPLETE, engine.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals(Engine.Completeness.INCOMPLETE, engine.isComplete("int y = "));
        assertEquals(Engine.Completeness.INVALID, engine.isComplete("}"));
    }

    @Test
    void completionSuggestsMembersAndReplacesTheTypedPrefix() {
        String code = "int n = 3;\nMath.ma";
        Engine.Completion c = engine.complete(code, code.length());
        assertTrue(c.matches().contains("max("), c.matches().toString());
        assertEquals(code.length() - 2, c.start());
        assertEquals(code.length(), c.end());
        Engine.Completion magic = engine.complete("%ja", 3);
        assertEquals(java.util.List.of("%jars"), magic.matches());
    }

    @Test
    void inspectionShowsSignatures() {
        String doc = engine.inspect("Math.max", 8, false).orElseThrow();
        assertTrue(doc.contains("int Math.max(int a, int b)"), doc);
        run("String inspectedVariable = \"x\";", new RecordingListener());
        String var = engine.inspect("inspectedVariable", 5, false).orElseThrow();
        assertTrue(var.contains("String inspectedVariable"), var);
    }

    @Test
    void aNullPointerMessageNamesTheVariableNotJShellsWrapper() {
        CellError e = error(run("String nothing = null;\nnothing.length()", new RecordingListener()));
        assertEquals("NullPointerException", e.name());
        assertTrue(e.message().contains("because \"nothing\" is null"), e.message());
        assertFalse(e.plainText().contains("$JShell$"), e.plainText());
    }

    @Test
    void cellCodeCannotRunCellsThroughTheEngineItself() {
        CellError e = error(run("org.visionbook.kernel.engine.Engine.current().evaluate(\"1\", \"nested\")", new RecordingListener()));
        assertTrue(e.message().contains("cannot be called from code running in a cell"), e.message());
    }
}
