package org.visionbook.kernel.runner;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.visionbook.kernel.engine.CellError;
import org.visionbook.kernel.engine.CellListener;
import org.visionbook.kernel.engine.CellOutcome;
import org.visionbook.kernel.engine.Engine;
import org.visionbook.kernel.jupyter.JupyterKernel;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a notebook top to bottom in this JVM through the {@link Engine} (no ZeroMQ, no Python) and
 * records the outputs as Jupyter would: the same MIME bundles the kernel sends, consecutive stream
 * text merged, updated displays replaced in place, execution counts from 1.
 */
public final class NotebookRunner {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /**
     * @param allowErrors go on after a failing cell (otherwise stop there)
     * @param cellTimeout interrupt a cell that runs longer (empty: no limit)
     * @param progress    where "cell i/n" lines go (the terminal, never the notebook)
     */
    public record Options(boolean allowErrors, Optional<Duration> cellTimeout, PrintStream progress) {
    }

    /** What happened: code cells run, the first failing cell (1-based among all cells) and its error. */
    public record Report(int codeCells, int executed, Optional<Integer> failedCell, Optional<CellError> error, Duration elapsed) {
        public boolean succeeded() {
            return error.isEmpty();
        }
    }

    private NotebookRunner() {
    }

    /** Executes {@code nb} (changed in place: outputs, execution counts, language info). */
    public static Report execute(JsonObject nb, String name, Engine engine, Options options) {
        NotebookFiles.validate(nb, name);
        NotebookFiles.upgradeToMinor5(nb);
        describeKernel(nb);
        List<JsonObject> cells = new ArrayList<>();
        nb.getAsJsonArray("cells").forEach(c -> cells.add(c.getAsJsonObject()));
        int codeCells = (int) cells.stream().filter(NotebookRunner::isCode).count();
        Map<String, List<JsonObject>> displays = new HashMap<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "visionbook-cell-timeout");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        int executed = 0;
        int seen = 0;
        Optional<Integer> failedCell = Optional.empty();
        Optional<CellError> firstError = Optional.empty();
        try {
            for (int i = 0; i < cells.size(); i++) {
                JsonObject cell = cells.get(i);
                if (!isCode(cell)) {
                    continue;
                }
                seen++;
                JsonArray outputs = new JsonArray();
                cell.add("outputs", outputs);
                cell.add("execution_count", JsonNull.INSTANCE);
                if (failedCell.isPresent() && !options.allowErrors()) {
                    continue;
                }
                String source = NotebookFiles.text(cell.get("source"));
                if (source.isBlank()) {
                    continue;
                }
                executed++;
                int count = executed;
                cell.addProperty("execution_count", count);
                options.progress().printf(Locale.ROOT, "  cell %d/%d ...", seen, codeCells);
                options.progress().flush();
                long cellStart = System.nanoTime();
                AtomicBoolean timedOut = new AtomicBoolean();
                ScheduledFuture<?> alarm = options.cellTimeout().map(t -> timer.schedule(() -> {
                    timedOut.set(true);
                    engine.interrupt();
                }, t.toMillis(), TimeUnit.MILLISECONDS)).orElse(null);
                CellOutcome outcome = engine.execute(source, count, new Outputs(outputs, displays));
                if (alarm != null) {
                    alarm.cancel(false);
                }
                double seconds = (System.nanoTime() - cellStart) / 1e9;
                if (outcome instanceof CellOutcome.Success success) {
                    success.result().ifPresent(data -> outputs.add(executeResult(data, count)));
                    options.progress().printf(Locale.ROOT, " ok (%.1f s)%n", seconds);
                } else {
                    CellError error = ((CellOutcome.Failure) outcome).error();
                    if (timedOut.get()) {
                        error = timeoutError(options.cellTimeout().orElseThrow(), seen);
                    }
                    outputs.add(errorOutput(error));
                    options.progress().printf(Locale.ROOT, " %s (%.1f s)%n", error.name(), seconds);
                    options.progress().println(indent(error.plainText()));
                    if (failedCell.isEmpty()) {
                        failedCell = Optional.of(i + 1);
                        firstError = Optional.of(error);
                    }
                }
            }
        } finally {
            timer.shutdownNow();
        }
        return new Report(codeCells, executed, failedCell, firstError, Duration.ofNanos(System.nanoTime() - started));
    }

    private static boolean isCode(JsonObject cell) {
        return "code".equals(cell.get("cell_type").getAsString());
    }

    private static CellError timeoutError(Duration limit, int cell) {
        String message = "code cell " + cell + " ran longer than " + limit.toSeconds() + " s and was stopped"
                + " (raise the limit with --timeout SECONDS)";
        return new CellError("CellTimeout", message, List.of("\u001B[1;31mCellTimeout\u001B[0m: " + message));
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    /** Records the kernel in the notebook's metadata, as a Jupyter session would. */
    private static void describeKernel(JsonObject nb) {
        JsonObject metadata = nb.getAsJsonObject("metadata");
        if (!metadata.has("kernelspec")) {
            JsonObject spec = new JsonObject();
            spec.addProperty("name", JupyterKernel.KERNELSPEC_NAME);
            spec.addProperty("display_name", "Java (visionbook)");
            spec.addProperty("language", "java");
            metadata.add("kernelspec", spec);
        }
        metadata.add("language_info", GSON.toJsonTree(JupyterKernel.languageInfo()));
    }

    static JsonObject executeResult(DisplayData data, int count) {
        JsonObject out = new JsonObject();
        out.addProperty("output_type", "execute_result");
        out.addProperty("execution_count", count);
        addBundle(out, data);
        return out;
    }

    static JsonObject errorOutput(CellError error) {
        JsonObject out = new JsonObject();
        out.addProperty("output_type", "error");
        out.addProperty("ename", error.name());
        out.addProperty("evalue", error.message());
        JsonArray traceback = new JsonArray();
        error.traceback().forEach(traceback::add);
        out.add("traceback", traceback);
        return out;
    }

    private static void addBundle(JsonObject output, DisplayData data) {
        JsonObject json = GSON.toJsonTree(data).getAsJsonObject();
        output.add("data", json.has("data") ? json.get("data") : new JsonObject());
        output.add("metadata", json.has("metadata") ? json.get("metadata") : new JsonObject());
    }

    /** One cell's outputs, built from what the engine sends. */
    private static final class Outputs implements CellListener {
        private final JsonArray outputs;
        private final Map<String, List<JsonObject>> displays;
        private boolean clearBeforeNext;

        Outputs(JsonArray outputs, Map<String, List<JsonObject>> displays) {
            this.outputs = outputs;
            this.displays = displays;
        }

        @Override
        public synchronized void stream(String name, String text) {
            beforeOutput();
            if (!outputs.isEmpty()) {
                JsonObject last = outputs.get(outputs.size() - 1).getAsJsonObject();
                if ("stream".equals(last.get("output_type").getAsString()) && name.equals(last.get("name").getAsString())) {
                    last.addProperty("text", last.get("text").getAsString() + text);
                    return;
                }
            }
            JsonObject out = new JsonObject();
            out.addProperty("output_type", "stream");
            out.addProperty("name", name);
            out.addProperty("text", text);
            outputs.add(out);
        }

        @Override
        public synchronized void display(DisplayData data) {
            beforeOutput();
            JsonObject out = new JsonObject();
            out.addProperty("output_type", "display_data");
            addBundle(out, data);
            outputs.add(out);
            String id = data.getDisplayId();
            if (id != null) {
                displays.computeIfAbsent(id, k -> new ArrayList<>()).add(out);
            }
        }

        @Override
        public synchronized void updateDisplay(DisplayData data) {
            for (JsonObject shown : displays.getOrDefault(data.getDisplayId(), List.of())) {
                addBundle(shown, data);
            }
        }

        @Override
        public synchronized void clearOutput(boolean wait) {
            if (wait) {
                clearBeforeNext = true;
            } else {
                clear();
            }
        }

        private void beforeOutput() {
            if (clearBeforeNext) {
                clearBeforeNext = false;
                clear();
            }
        }

        private void clear() {
            while (!outputs.isEmpty()) {
                outputs.remove(outputs.size() - 1);
            }
        }
    }

}
