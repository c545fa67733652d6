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
import java.util.Objects;
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
    public record Options(boolean allowErrors, Optional<Duration> cellTimeout, PrintStream progress, Checkpoint checkpoint) {

        public Options {
            Objects.requireNonNull(checkpoint, "checkpoint");
        }

        /** Options that save no progress while the notebook runs. */
        public Options(boolean allowErrors, Optional<Duration> cellTimeout, PrintStream progress) {
            this(allowErrors, cellTimeout, progress, Checkpoint.NONE);
        }

        public Options withCheckpoint(Checkpoint newCheckpoint) {
            return new Options(allowErrors, cellTimeout, progress, newCheckpoint);
        }
    }

    /**
     * Receives the notebook as it stands while it runs, so that a run killed from outside (a
     * timeout, an out-of-memory kill) leaves the outputs of the cells before: called when a cell
     * starts (its execution count set, the cell marked as running in its metadata, see
     * {@link #RUNNING_KEY}), every {@link #CHECKPOINT_INTERVAL} while it runs and prints, and when
     * it ends. Each call gets a snapshot it may keep; calls never overlap and arrive in order.
     */
    @FunctionalInterface
    public interface Checkpoint {
        Checkpoint NONE = nb -> { };

        void save(JsonObject snapshot);
    }

    /**
     * Cell metadata key set, in checkpoints only, on the cell that was running when the snapshot
     * was taken: {@code "visionbook": {"running": true}}. The finished notebook never has it.
     */
    public static final String RUNNING_KEY = "visionbook";

    /** How often the outputs of a long-running cell are saved (when it printed something new). */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(2);

    /**
     * Where a cell sits, in the numbers a reader can find: its position among all cells, among
     * code cells, the execution count Jupyter shows ({@code In [n]}), and its first line.
     */
    public record CellPosition(int cell, int cells, int codeCell, int executionCount, String firstLine) {
        /** E.g. {@code cell 7 of 12 (code cell 4, In [3]): "int x = ..."}. */
        public String describe() {
            return "cell " + cell + " of " + cells + " (code cell " + codeCell + ", In [" + executionCount + "]): \""
                    + firstLine + "\"";
        }
    }

    /** What happened: code cells run, the first failing cell and its error. */
    public record Report(int codeCells, int executed, Optional<CellPosition> failedAt, Optional<CellError> error, Duration elapsed) {
        public boolean succeeded() {
            return error.isEmpty();
        }

        /** The first failing cell, 1-based among all cells (markdown included). */
        public Optional<Integer> failedCell() {
            return failedAt.map(CellPosition::cell);
        }
    }

    private NotebookRunner() {
    }

    /**
     * Executes {@code nb} (changed in place: outputs, execution counts, language info), handing
     * snapshots to the options' checkpoint as it goes.
     */
    public static Report execute(JsonObject nb, String name, Engine engine, Options options) {
        NotebookFiles.validate(nb, name);
        NotebookFiles.upgradeToMinor5(nb);
        describeKernel(nb);
        List<JsonObject> cells = new ArrayList<>();
        nb.getAsJsonArray("cells").forEach(c -> cells.add(c.getAsJsonObject()));
        int codeCells = (int) cells.stream().filter(NotebookRunner::isCode).count();
        // Every code cell starts empty, so a saved snapshot never shows the outputs of an earlier
        // run beside those of this one.
        for (JsonObject cell : cells) {
            if (isCode(cell)) {
                cell.add("outputs", new JsonArray());
                cell.add("execution_count", JsonNull.INSTANCE);
            }
        }
        Map<String, List<JsonObject>> displays = new HashMap<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "visionbook-cell-timeout");
            t.setDaemon(true);
            return t;
        });
        Progress progress = new Progress(nb, options.checkpoint(), options.progress());
        if (progress.enabled()) {
            long every = CHECKPOINT_INTERVAL.toMillis();
            timer.scheduleWithFixedDelay(progress::whileRunning, every, every, TimeUnit.MILLISECONDS);
        }
        long started = System.nanoTime();
        int executed = 0;
        int seen = 0;
        Optional<CellPosition> failedAt = Optional.empty();
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
                if (failedAt.isPresent() && !options.allowErrors()) {
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
                CellOutcome outcome;
                progress.cellStarts(cell);
                try {
                    outcome = engine.execute(source, count, new Outputs(outputs, displays, progress));
                    if (alarm != null) {
                        alarm.cancel(false);
                    }
                    double seconds = (System.nanoTime() - cellStart) / 1e9;
                    if (outcome instanceof CellOutcome.Success success) {
                        success.result().ifPresent(data -> progress.update(() -> outputs.add(executeResult(data, count))));
                        options.progress().printf(Locale.ROOT, " ok (%.1f s)%n", seconds);
                    } else {
                        CellError error = ((CellOutcome.Failure) outcome).error();
                        if (timedOut.get()) {
                            error = timeoutError(options.cellTimeout().orElseThrow(), seen);
                        }
                        CellError shown = error;
                        progress.update(() -> outputs.add(errorOutput(shown)));
                        options.progress().printf(Locale.ROOT, " %s (%.1f s)%n", error.name(), seconds);
                        options.progress().println(indent(error.plainText()));
                        if (failedAt.isEmpty()) {
                            failedAt = Optional.of(new CellPosition(i + 1, cells.size(), seen, count, firstLine(source)));
                            firstError = Optional.of(error);
                        }
                    }
                } finally {
                    progress.cellEnds(cell);
                }
            }
        } finally {
            timer.shutdownNow();
        }
        return new Report(codeCells, executed, failedAt, firstError, Duration.ofNanos(System.nanoTime() - started));
    }

    /** The first line of a cell that says something (not blank), cut to 60 characters. */
    static String firstLine(String source) {
        String line = source.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return line.length() <= 60 ? line : line.substring(0, 57) + "...";
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

    /**
     * The checkpoints of one run: snapshots of the notebook when a cell starts, while it runs (if
     * its outputs changed) and when it ends. Everything that changes the notebook while a cell runs
     * holds {@link #lock}, so a snapshot never sees half an output.
     */
    private static final class Progress {
        final Object lock = new Object();
        private final Object saving = new Object();
        private final JsonObject nb;
        private final Checkpoint checkpoint;
        private final PrintStream log;
        private boolean running;
        private boolean createdMetadata;
        private long version;
        private volatile long savedVersion = -1;
        private boolean warned;

        Progress(JsonObject nb, Checkpoint checkpoint, PrintStream log) {
            this.nb = nb;
            this.checkpoint = checkpoint;
            this.log = log;
        }

        boolean enabled() {
            return checkpoint != Checkpoint.NONE;
        }

        /** Runs a change to the running cell's outputs. */
        void update(Runnable change) {
            synchronized (lock) {
                change.run();
                version++;
            }
        }

        /** Called with {@link #lock} held, by the outputs. */
        void changed() {
            version++;
        }

        void cellStarts(JsonObject cell) {
            synchronized (lock) {
                JsonObject metadata = cell.has("metadata") && cell.get("metadata").isJsonObject()
                        ? cell.getAsJsonObject("metadata") : new JsonObject();
                cell.add("metadata", metadata);
                createdMetadata = !(metadata.has(RUNNING_KEY) && metadata.get(RUNNING_KEY).isJsonObject());
                if (createdMetadata) {
                    metadata.add(RUNNING_KEY, new JsonObject());
                }
                metadata.getAsJsonObject(RUNNING_KEY).addProperty("running", true);
                running = true;
                version++;
            }
            saveNow();
        }

        void cellEnds(JsonObject cell) {
            synchronized (lock) {
                JsonObject metadata = cell.getAsJsonObject("metadata");
                JsonObject mine = metadata.getAsJsonObject(RUNNING_KEY);
                mine.remove("running");
                if (createdMetadata && mine.size() == 0) {
                    metadata.remove(RUNNING_KEY);
                }
                running = false;
                version++;
            }
            saveNow();
        }

        /** From the timer: saves the running cell's new outputs, if any. */
        void whileRunning() {
            JsonObject copy;
            long v;
            synchronized (lock) {
                if (!running || version == savedVersion) {
                    return;
                }
                copy = nb.deepCopy();
                v = version;
            }
            save(copy, v);
        }

        private void saveNow() {
            if (!enabled()) {
                return;
            }
            JsonObject copy;
            long v;
            synchronized (lock) {
                copy = nb.deepCopy();
                v = version;
            }
            save(copy, v);
        }

        private void save(JsonObject copy, long v) {
            synchronized (saving) {
                if (v <= savedVersion) {
                    return; // a newer snapshot is already saved
                }
                try {
                    checkpoint.save(copy);
                } catch (RuntimeException e) {
                    if (!warned) {
                        warned = true;
                        log.println("  (progress could not be saved: " + e.getMessage() + "; the run goes on)");
                    }
                }
                savedVersion = v;
            }
        }
    }

    /** One cell's outputs, built from what the engine sends. */
    private static final class Outputs implements CellListener {
        private final JsonArray outputs;
        private final Map<String, List<JsonObject>> displays;
        private final Progress progress;
        private final Object lock;
        private boolean clearBeforeNext;

        Outputs(JsonArray outputs, Map<String, List<JsonObject>> displays, Progress progress) {
            this.outputs = outputs;
            this.displays = displays;
            this.progress = progress;
            this.lock = progress.lock;
        }

        @Override
        public void stream(String name, String text) {
            synchronized (lock) {
                progress.changed();
                appendStream(name, text);
            }
        }

        private void appendStream(String name, String text) {
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
        public void display(DisplayData data) {
            synchronized (lock) {
                progress.changed();
                addDisplay(data);
            }
        }

        private void addDisplay(DisplayData data) {
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
        public void updateDisplay(DisplayData data) {
            synchronized (lock) {
                progress.changed();
                for (JsonObject shown : displays.getOrDefault(data.getDisplayId(), List.of())) {
                    addBundle(shown, data);
                }
            }
        }

        @Override
        public void clearOutput(boolean wait) {
            synchronized (lock) {
                progress.changed();
                if (wait) {
                    clearBeforeNext = true;
                } else {
                    clear();
                }
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
