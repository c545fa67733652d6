package org.visionbook.grader.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.visionbook.grader.notebook.Cell;
import org.visionbook.grader.notebook.Notebook;
import org.visionbook.toolkit.display.Display;
import org.visionbook.toolkit.display.DisplaySink;
import org.visionbook.toolkit.display.Displayable;
import org.visionbook.toolkit.display.MimeBundle;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Timer;
import java.util.TimerTask;
import java.util.stream.Collectors;

/**
 * A TEST STAND-IN for the kernel module's headless runner, taking the same arguments as
 * {@link RunnerCommand#DEFAULT} ({@code run NOTEBOOK --output DIR --allow-errors --timeout S},
 * output cap in {@code -Dvisionbook.maxOutputBytes}): it runs each code cell in one JShell (local execution, this
 * JVM), stops a cell at the cell timeout, caps each cell's output, keeps going after errors and
 * writes nbformat outputs after every cell. It exists only so the grader's process handling and
 * anti-forgery can be tested before the real runner is merged; the grader itself never uses it.
 */
public final class StandInRunner {

    private StandInRunner() {
    }

    public static void main(String[] args) {
        PrintStream err = System.err;
        try {
            run(args);
        } catch (Throwable t) {
            err.println("StandInRunner failed: " + t);
            t.printStackTrace(err);
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        long cellTimeoutSeconds = 60;
        long maxOutput = Long.getLong("visionbook.maxOutputBytes", 1 << 20);
        Path outputDir = null;
        Path input = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "run", "--allow-errors" -> { }
                case "--timeout" -> cellTimeoutSeconds = Long.parseLong(args[++i]);
                case "--output" -> outputDir = Path.of(args[++i]);
                default -> input = Path.of(args[i]);
            }
        }
        if (input == null || outputDir == null) {
            System.err.println("usage: StandInRunner run NOTEBOOK --output DIR [--allow-errors] [--timeout SECONDS]");
            System.exit(2);
        }
        Path output = outputDir.resolve(input.getFileName());
        Notebook notebook = Notebook.read(input);
        PrintStream realOut = System.out;
        List<Cell> cells = new ArrayList<>(notebook.cells());
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            shell.addToClasspath(System.getProperty("java.class.path"));
            int count = 0;
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = cells.get(c);
                if (!cell.isCode()) {
                    continue;
                }
                List<JsonNode> outputs = new ArrayList<>();
                CappedStream captured = new CappedStream(maxOutput);
                PrintStream cellOut = new PrintStream(captured, true, StandardCharsets.UTF_8);
                System.setOut(cellOut);
                System.setErr(cellOut);
                DisplaySink old = Display.install(new CellSink(outputs, captured, cellOut));
                Timer watchdog = new Timer(true);
                boolean[] stopped = {false};
                watchdog.schedule(new TimerTask() {
                    @Override
                    public void run() {
                        stopped[0] = true;
                        shell.stop();
                    }
                }, cellTimeoutSeconds * 1000);
                try {
                    runCell(shell, cell.source(), outputs, captured, cellOut);
                    if (stopped[0]) {
                        cellOut.flush();
                        flushStream(outputs, captured);
                        outputs.add(error("CellTimeoutException", "the cell ran longer than " + cellTimeoutSeconds + " s and was stopped"));
                    }
                } finally {
                    watchdog.cancel();
                    Display.install(old);
                    System.setOut(realOut);
                    System.setErr(realOut);
                }
                flushStream(outputs, captured);
                cells.set(c, cell.withOutputs(outputs, ++count));
                notebook.withCells(cells).write(output);
            }
        }
        notebook.withCells(cells).write(output);
        System.exit(0);
    }

    private static void runCell(JShell shell, String source, List<JsonNode> outputs, CappedStream captured, PrintStream out) {
        String remaining = source;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            String snippet = info.source() != null ? info.source() : remaining;
            remaining = info.source() != null ? info.remaining() : "";
            for (SnippetEvent e : shell.eval(snippet)) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                if (e.status() == Snippet.Status.REJECTED) {
                    String diags = shell.diagnostics(e.snippet()).map(d -> d.getMessage(Locale.ROOT)).collect(Collectors.joining("; "));
                    out.flush();
                    flushStream(outputs, captured);
                    outputs.add(error("CompilationException", diags));
                    return;
                }
                if (e.exception() != null) {
                    out.flush();
                    flushStream(outputs, captured);
                    String name = e.exception() instanceof EvalException ee ? ee.getExceptionClassName() : e.exception().getClass().getName();
                    outputs.add(error(name, String.valueOf(e.exception().getMessage())));
                    return;
                }
                if (e.value() != null && !e.value().isEmpty() && (e.snippet().kind() == Snippet.Kind.EXPRESSION
                        || e.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)) {
                    out.flush();
                    flushStream(outputs, captured);
                    ObjectNode r = JsonNodeFactory.instance.objectNode();
                    r.put("output_type", "execute_result");
                    r.putObject("data").put("text/plain", e.value());
                    r.putObject("metadata");
                    r.put("execution_count", 0);
                    outputs.add(r);
                }
            }
        }
    }

    private static JsonNode error(String name, String value) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("output_type", "error");
        n.put("ename", name);
        n.put("evalue", value);
        n.putArray("traceback").add(name + ": " + value);
        return n;
    }

    private static void flushStream(List<JsonNode> outputs, CappedStream captured) {
        String text = captured.drain();
        if (!text.isEmpty()) {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("output_type", "stream");
            n.put("name", "stdout");
            n.put("text", text);
            outputs.add(n);
        }
    }

    /** Collects a cell's printed text up to a cap, then counts and drops the rest. */
    private static final class CappedStream extends OutputStream {
        private final long cap;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long total;
        private long dropped;

        CappedStream(long cap) {
            this.cap = cap;
        }

        @Override
        public synchronized void write(int b) {
            if (total++ < cap) {
                kept.write(b);
            } else {
                dropped++;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int keep = (int) Math.max(0, Math.min(len, cap - total));
            kept.write(b, off, keep);
            dropped += len - keep;
            total += len;
        }

        synchronized String drain() {
            String s = kept.toString(StandardCharsets.UTF_8);
            kept.reset();
            if (dropped > 0) {
                s += "\n[output truncated: " + dropped + " bytes dropped]\n";
                dropped = 0;
            }
            return s;
        }
    }

    private record CellSink(List<JsonNode> outputs, CappedStream captured, PrintStream out) implements DisplaySink {
        @Override
        public String display(Object value) {
            out.flush();
            flushStream(outputs, captured);
            MimeBundle b = value instanceof Displayable d ? d.toMimeBundle() : MimeBundle.of(String.valueOf(value));
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("output_type", "display_data");
            ObjectNode data = n.putObject("data");
            b.data().forEach(data::put);
            n.putObject("metadata");
            outputs.add(n);
            return "d" + outputs.size();
        }

        @Override
        public void update(String displayId, Object value) {
            display(value);
        }

        @Override
        public boolean isRich() {
            return true;
        }
    }

}
