package org.visionbook.kernel.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Interrupts, memory exhaustion and floods of output: the engine survives with its state. */
class EngineRobustnessTest {

    static Engine engine;
    static int count;

    @BeforeAll
    static void start() {
        engine = Engine.start(EngineConfig.defaults().withMaxOutputBytes(1024 * 1024));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    static CellOutcome run(String code) {
        return engine.execute(code, ++count, new RecordingListener());
    }

    static CellError error(CellOutcome outcome) {
        return assertInstanceOf(CellOutcome.Failure.class, outcome, () -> "expected a failure, got " + outcome).error();
    }

    /** Runs {@code code}, interrupts it once it has started, and returns the outcome. */
    static CellOutcome interrupted(String code) throws Exception {
        CompletableFuture<CellOutcome> running = CompletableFuture.supplyAsync(() -> run(code));
        // A cell that fails to compile never starts: say so rather than wait.
        Thread.sleep(50);
        if (running.isDone()) {
            return running.get();
        }
        // Wait until the cell prints its start marker, so the interrupt hits user code, not the compiler.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!CellProbe.started && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(CellProbe.started, "the cell never started");
        engine.interrupt();
        // Generous bound: this checks that the cell ends at all, not how fast (measured in the ITs).
        return running.get(30, TimeUnit.SECONDS);
    }

    @Test
    void interruptingASleepingCellReportsAnInterruptAndKeepsEarlierVariables() throws Exception {
        run("int before = 5;");
        CellProbe.started = false;
        CellError e = error(interrupted(
                "if (true) { org.visionbook.kernel.engine.CellProbe.started(); Thread.sleep(60_000); }"));
        assertEquals("Interrupted", e.name());
        assertEquals("6", text(run("before + 1")));
    }

    @Test
    void interruptingALoopThatIgnoresInterruptsStopsItsThread() throws Exception {
        run("long spins = 0;");
        CellProbe.started = false;
        CellError e = error(interrupted(
                "if (true) { org.visionbook.kernel.engine.CellProbe.started();\n"
                        + "while (true) { try { Thread.sleep(5); } catch (InterruptedException ignored) { } spins++; } }"));
        assertEquals("Interrupted", e.name());
        assertEquals("ok", text(run("spins > 0 ? \"ok\" : \"no spins\"")));
    }

    @Test
    void anOutOfMemoryErrorIsReportedAndTheEngineKeepsWorking() {
        run("int survivor = 9;");
        CellError e = error(run("long[][] hog = new long[1 << 20][];\n"
                + "for (int i = 0; i < hog.length; i++) hog[i] = new long[1 << 20];"));
        assertEquals("OutOfMemoryError", e.name());
        assertTrue(e.plainText().contains("ran out of memory"), e.plainText());
        assertEquals("10", text(run("survivor + 1")));
    }

    @Test
    void printingAHundredMegabytesIsTruncatedWithANote() {
        RecordingListener out = new RecordingListener();
        CellOutcome outcome = engine.execute(
                "String line = \"x\".repeat(99);\nfor (int i = 0; i < 1_000_000; i++) System.out.println(line);",
                ++count, out);
        assertInstanceOf(CellOutcome.Success.class, outcome);
        String printed = out.stdout();
        assertTrue(printed.length() < 1024 * 1024 + 2000, "sent " + printed.length() + " chars");
        assertTrue(printed.startsWith("x".repeat(99) + "\n"));
        assertTrue(printed.contains("output truncated"), printed.substring(Math.max(0, printed.length() - 500)));
        assertTrue(printed.contains("95.4 MiB"), printed.substring(Math.max(0, printed.length() - 500)));
        assertEquals("", out.stderr());
    }

    static String text(CellOutcome outcome) {
        CellOutcome.Success ok = assertInstanceOf(CellOutcome.Success.class, outcome, () -> "failed: " + outcome);
        return ok.result().map(d -> String.valueOf(d.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN))).orElse(null);
    }

    @Test
    void interruptingDl4jTrainingStopsItAndTheNetworkStillTrainsAfterwards() throws Exception {
        run("""
                import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
                import org.deeplearning4j.nn.conf.layers.DenseLayer;
                import org.deeplearning4j.nn.conf.layers.OutputLayer;
                import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
                import org.nd4j.linalg.activations.Activation;
                import org.nd4j.linalg.lossfunctions.LossFunctions;
                MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(7).list()
                        .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build())
                        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(16).nOut(1).activation(Activation.IDENTITY).build())
                        .build());
                net.init();
                INDArray x = Nd4j.rand(DataType.FLOAT, 32, 4);
                INDArray y = x.sum(true, 1);
                int steps = 0;""");
        CellProbe.started = false;
        CellError e = error(interrupted(
                "if (true) { org.visionbook.kernel.engine.CellProbe.started(); while (true) { net.fit(x, y); steps++; } }"));
        assertEquals("Interrupted", e.name());
        assertEquals("true", text(run("net.fit(x, y);\nsteps > 0 && Double.isFinite(net.score())")));
    }
}
