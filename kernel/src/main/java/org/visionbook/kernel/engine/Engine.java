package org.visionbook.kernel.engine;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.VarSnippet;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.visionbook.kernel.render.Renderers;
import org.visionbook.toolkit.display.Display;
import org.visionbook.toolkit.display.DisplaySink;
import org.visionbook.toolkit.perf.Performance;

import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The one evaluation engine: runs notebook cells with JShell inside this JVM, next to the toolkit.
 * The Jupyter kernel, the headless runner and the grader all run cells through it, so a cell
 * behaves, prints and renders the same everywhere.
 *
 * <p>A cell is split into magics and Java snippets; snippets run one after the other on the
 * {@link CellWorker} thread; the value of a final expression is rendered with the shared
 * {@link Renderer}. Output of any thread is routed to the running cell ({@link OutputRouter}), and
 * {@link Display#show} from toolkit code becomes {@code display_data}.
 *
 * <p>One engine per JVM at a time ({@link #current()}); cells run one at a time.
 */
public final class Engine implements AutoCloseable {

    private static volatile Engine current;

    private final EngineConfig config;
    private final CellWorker worker;
    private final OutputRouter router;
    private final JShell shell;
    private final CellExecutionControl control;
    private final SourceCodeAnalysis analysis;
    private final SourceMap sources = new SourceMap();
    private final ErrorReports errors;
    private final Renderer renderer;
    private final Map<String, Magic> lineMagics = new ConcurrentHashMap<>();
    private final Map<String, Magic> cellMagics = new ConcurrentHashMap<>();
    private final List<String> addedClasspath = new CopyOnWriteArrayList<>();
    private final List<String> startupProblems = new ArrayList<>();
    private final DisplaySink previousSink;
    private volatile boolean interruptRequested;
    private volatile boolean running;
    private int loadDepth;

    private Engine(EngineConfig config) {
        this.config = config;
        this.worker = new CellWorker(config.interruptGraceMillis(), Engine::nativeThreadsOnCellThread);
        this.router = new OutputRouter(config.maxOutputBytes());
        CellExecutionControl[] created = new CellExecutionControl[1];
        this.shell = JShell.builder()
                .executionEngine(CellExecutionControl.provider(worker, c -> created[0] = c), Map.of())
                .out(router.terminalOut())
                .err(router.terminalErr())
                .build();
        this.control = created[0];
        this.analysis = shell.sourceCodeAnalysis();
        this.errors = new ErrorReports(shell, sources);
        this.renderer = Renderers.create();
        this.previousSink = Display.install(new EngineSink());
        Magics.registerBuiltIns(this);
    }

    /**
     * Starts an engine: ND4J's native threads (once per JVM, {@link Performance#configureThreads}),
     * JShell, output routing, the startup script and the toolkit imports.
     */
    public static synchronized Engine start(EngineConfig config) {
        if (current != null) {
            throw new IllegalStateException("an engine is already running in this JVM; close it first");
        }
        // ND4J's native start (~1 s) and JShell's (~1.5 s) are independent: run them side by side,
        // so the first cell waits for the slower one, not for both.
        CompletableFuture<String> nativeStart = CompletableFuture.supplyAsync(Engine::configureNativeThreads,
                runnable -> {
                    Thread t = new Thread(runnable, "visionbook-nd4j-start");
                    t.setDaemon(true);
                    t.start();
                });
        nativeSetup = nativeStart;
        Engine engine = new Engine(config);
        current = engine;
        try {
            engine.runStartup();
            String threadProblem = awaitNativeStart();
            if (threadProblem != null) {
                engine.startupProblems.add(threadProblem);
            }
        } catch (RuntimeException | Error e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    /** The native start of this JVM's engine, which cell threads wait for before their first snippet. */
    private static volatile CompletableFuture<String> nativeSetup = CompletableFuture.completedFuture(null);

    /** The problem the native start reported, or null; rethrows the one that stops the engine (an unusable GPU). */
    private static String awaitNativeStart() {
        try {
            return nativeSetup.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** The engine of this JVM, for code running inside cells ({@code display(...)} and friends). */
    public static Engine current() {
        Engine e = current;
        if (e == null) {
            throw new IllegalStateException("no notebook engine is running (display() works inside a notebook cell)");
        }
        return e;
    }

    /** Like {@link #current()}, but empty outside a running engine. */
    public static Optional<Engine> running() {
        return Optional.ofNullable(current);
    }

    /**
     * The kernel, the headless runner and the grader's per-submission process all start here, so
     * this is where ND4J gets the toolkit's thread setting (one thread on two cores or fewer),
     * before any cell runs a native op. Returns a problem to report, or null. A JVM whose ND4J
     * cannot load still gets an engine: cells that need no ND4J keep working. A GPU the CUDA
     * build has no machine code for stops the start with one line ({@code CudaSupport}).
     */
    private static String configureNativeThreads() {
        try {
            Performance.configureThreads();
            // one tiny op: on a GPU it launches a kernel, so a build without code for it fails here
            org.nd4j.linalg.factory.Nd4j.createFromArray(1f, 2f).addi(1f).sumNumber();
            return null;
        } catch (RuntimeException | LinkageError e) {
            Optional<String> unsupportedGpu = org.visionbook.toolkit.perf.CudaSupport.explain(e);
            if (unsupportedGpu.isPresent()) {
                // no op can run on this GPU: one clear line, not a native stack trace in every cell
                throw new IllegalStateException(unsupportedGpu.get(), e);
            }
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return "Problem starting ND4J (its native threads are not configured): " + e
                    + (cause == e ? "" : ", caused by " + cause);
        }
    }

    /**
     * OpenMP keeps its thread count per thread, so the cell thread (and any later replacement of
     * it) applies the setting chosen in {@link #start} to itself; without this, oneDNN ran two
     * threads in every cell. A failure was already reported by {@link #configureNativeThreads}.
     */
    private static void nativeThreadsOnCellThread() {
        try {
            nativeSetup.join();
        } catch (RuntimeException e) {
            return; // reported by start
        }
        if (Performance.threadsConfigured()) {
            try {
                Performance.configureThreads();
            } catch (RuntimeException | LinkageError e) {
                // reported once at start
            }
        }
    }

    private void runStartup() {
        OutputRouter.CellStreams streams = router.open(CellListener.discarding());
        try {
            List<String> imports = new ArrayList<>();
            if (config.importToolkitPackages()) {
                for (String pkg : ToolkitPackages.find()) {
                    imports.add("import " + pkg + ".*;");
                }
            }
            runStartupPart(config.startupScript(), "the startup script");
            runStartupPart(String.join("\n", imports), "the toolkit imports");
        } finally {
            router.finish(streams);
        }
    }

    private void runStartupPart(String code, String label) {
        try {
            evaluate(code, label);
        } catch (CellFailure f) {
            startupProblems.add("Problem in " + label + ":\n" + f.error().plainText());
        }
    }

    /** What went wrong in the startup script (empty when it ran cleanly). */
    public List<String> startupProblems() {
        return List.copyOf(startupProblems);
    }

    public EngineConfig config() {
        return config;
    }

    /**
     * Runs one cell. Output goes to {@code listener} while the cell runs (and late output of threads
     * it started goes there too, until the next cell). Never throws for problems in the cell: they
     * come back as a {@link CellOutcome.Failure}.
     *
     * @param executionCount the number Jupyter shows next to the cell; errors say "cell [n]"
     */
    public CellOutcome execute(String code, int executionCount, CellListener listener) {
        requireOutsideCells("execute");
        return executeCell(code, executionCount, listener);
    }

    private synchronized CellOutcome executeCell(String code, int executionCount, CellListener listener) {
        interruptRequested = false;
        running = true;
        worker.beginCell();
        OutputRouter.CellStreams streams = router.open(listener);
        try {
            Evaluation result = evaluate(code, executionCount > 0 ? "cell [" + executionCount + "]" : "the cell");
            checkInterrupted();
            if (!result.hasValue() || result.value() == null || isConsole(result.value())) {
                return new CellOutcome.Success(Optional.empty());
            }
            return new CellOutcome.Success(Optional.of(renderResult(result.value())));
        } catch (CellFailure f) {
            return new CellOutcome.Failure(f.error());
        } catch (Throwable t) {
            return new CellOutcome.Failure(ErrorReports.internal("the kernel failed while running the cell", t));
        } finally {
            running = false;
            router.finish(streams);
        }
    }

    /**
     * Evaluates code (magics allowed) in the running cell's context and returns the value of its
     * last expression. Used by magics such as {@code %time} and {@code %load}.
     *
     * @param label how errors name this code, e.g. {@code "cell [3]"} or {@code "file helpers.jsh"}
     * @throws CellFailure when the code does not compile, throws, or is interrupted
     */
    public Evaluation evaluate(String code, String label) {
        return evaluate(code, label, 1);
    }

    /** {@link #evaluate(String, String)} for code whose first line users know as line {@code firstLine}. */
    public Evaluation evaluate(String code, String label, int firstLine) {
        requireOutsideCells("evaluate");
        SourceMap.Source source = new SourceMap.Source(label, code, firstLine);
        Ran ran = new Ran();
        Evaluation last = Evaluation.NOTHING;
        try {
            for (CellParts.Part part : CellParts.parse(code)) {
                checkInterrupted();
                if (part instanceof CellParts.Code c) {
                    last = runJava(source, c.offset(), c.text(), ran);
                } else if (part instanceof CellParts.LineMagic m) {
                    last = runMagic(lineMagics, "%", m.name(), m.args(), null, label, source.displayLine(source.lineOf(m.offset())));
                    ran.upTo(source.lineOf(m.offset()));
                } else if (part instanceof CellParts.CellMagic m) {
                    last = runMagic(cellMagics, "%%", m.name(), m.args(), m.body(), label, source.displayLine(source.lineOf(m.bodyOffset())));
                    ran.upTo(source.lineOf(code.length()));
                }
            }
        } catch (CellFailure f) {
            throw ran.lastLine < 0 || !"CompileError".equals(f.error().name()) ? f : new CellFailure(ran.note(source, f.error()));
        }
        return last;
    }

    /**
     * The last line of the code being evaluated that already ran. A compile error stops only the
     * snippet it is in: what ran before it (variables, output) stays, and the error says so, since a
     * learner reading "compile error" expects that nothing ran.
     */
    private static final class Ran {
        int lastLine = -1;

        void upTo(int line) {
            lastLine = Math.max(lastLine, line);
        }

        CellError note(SourceMap.Source source, CellError error) {
            int first = source.displayLine(0);
            int last = source.displayLine(lastLine);
            String lines = last == first ? "Line " + first : "Lines " + first + "\u2013" + last;
            List<String> traceback = new ArrayList<>(error.traceback());
            traceback.add(lines + " of " + source.label() + " ran before this error: what they defined or printed is kept.");
            return new CellError(error.name(), error.message(), traceback);
        }
    }

    private Evaluation runJava(SourceMap.Source source, int baseOffset, String text, Ran ran) {
        String remaining = text;
        int consumed = 0;
        Evaluation last = Evaluation.NOTHING;
        while (!remaining.isBlank()) {
            checkInterrupted();
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            String snippet;
            String rest;
            boolean incomplete = false;
            switch (info.completeness()) {
                case EMPTY:
                    return last;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    snippet = remaining;
                    rest = "";
                    incomplete = true;
                    break;
                default:
                    snippet = info.source();
                    rest = info.remaining();
            }
            // JShell numbers a snippet's lines from its first non-blank character: so do we.
            int lead = leadingBlanks(snippet);
            snippet = snippet.substring(lead);
            SourceMap.Place place = new SourceMap.Place(source, baseOffset + consumed + lead);
            boolean endsWithSemicolon = QuickCompleteness.lastCodeChar(remaining.substring(0, remaining.length() - rest.length())) == ';';
            if (incomplete) {
                throw new CellFailure(errors.incomplete(place));
            }
            last = Evaluation.NOTHING;
            for (SnippetEvent event : shell.eval(snippet)) {
                if (event.causeSnippet() != null) {
                    continue;
                }
                Snippet s = event.snippet();
                sources.put(s.id(), place);
                if (event.status() == Snippet.Status.REJECTED) {
                    throw new CellFailure(errors.compileError(s, place));
                }
                if (control.lastStopped()) {
                    throw new CellFailure(ErrorReports.interrupted());
                }
                if (event.exception() != null) {
                    if (interruptRequested) {
                        throw new CellFailure(ErrorReports.interrupted());
                    }
                    throw new CellFailure(errors.runtimeError(event.exception(), control.lastFailure()));
                }
                if (event.status() == Snippet.Status.RECOVERABLE_DEFINED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    noteUnresolved(s);
                }
                if (isExpression(s)) {
                    Object value = control.takeValue();
                    // A trailing ';' hides the value, as in IPython: `display(x);` shows no display id.
                    last = endsWithSemicolon ? Evaluation.NOTHING : Evaluation.of(value);
                }
            }
            checkInterrupted();
            ran.upTo(source.lineOf(baseOffset + consumed + lead + Math.max(0, snippet.length() - 1)));
            consumed += remaining.length() - rest.length();
            remaining = rest;
        }
        return last;
    }

    /** Cell code runs while the engine waits for it: running more code from there would deadlock. */
    private static void requireOutsideCells(String what) {
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        if (group != null && CellWorker.CELLS.parentOf(group)) {
            throw new IllegalStateException(what + " cannot be called from code running in a cell");
        }
    }

    private static int leadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private void noteUnresolved(Snippet s) {
        if (s instanceof jdk.jshell.DeclarationSnippet d) {
            String missing = shell.unresolvedDependencies(d).collect(Collectors.joining(", "));
            System.err.println("Note: " + d.name() + " is defined, but cannot be used until " + missing
                    + (missing.contains(",") ? " are" : " is") + " defined.");
        }
    }

    private static boolean isExpression(Snippet s) {
        return s.kind() == Snippet.Kind.EXPRESSION
                || (s.kind() == Snippet.Kind.VAR && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND);
    }

    private Evaluation runMagic(Map<String, Magic> magics, String prefix, String name, String args, String body,
                                String label, int line) {
        Magic magic = magics.get(name);
        if (magic == null) {
            Set<String> known = new java.util.TreeSet<>(magics.keySet());
            throw new CellFailure(ErrorReports.simple("UnknownMagic",
                    prefix + name + " is not a magic this kernel knows; known " + (prefix.equals("%") ? "line" : "cell")
                            + " magics: " + known.stream().map(k -> prefix + k).collect(Collectors.joining(", "))));
        }
        try {
            return magic.run(new Magic.Call(this, name, args, body, label, line));
        } catch (CellFailure f) {
            throw f;
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CellFailure(ErrorReports.simple("MagicError", prefix + name + ": " + e.getMessage()));
        } catch (Exception e) {
            throw new CellFailure(ErrorReports.simple("MagicError", prefix + name + " failed: " + e));
        }
    }

    private void checkInterrupted() {
        if (interruptRequested) {
            throw new CellFailure(ErrorReports.interrupted());
        }
    }

    /** {@code System.out.printf(...)} ends many cells; the stream it returns is not a result to show. */
    private static boolean isConsole(Object value) {
        return value == System.out || value == System.err;
    }

    private DisplayData renderResult(Object value) throws InterruptedException {
        CellWorker.Result r = worker.run(() -> renderer.render(value));
        if (r.stopped() || interruptRequested) {
            throw new CellFailure(ErrorReports.interrupted());
        }
        if (r.failure() != null) {
            throw new CellFailure(ErrorReports.simple("RenderError",
                    "the cell's value (a " + value.getClass().getName() + ") could not be shown: " + r.failure()));
        }
        return (DisplayData) r.value();
    }

    /**
     * Interrupts the running cell: it gets {@link Thread#interrupt()} now and is stopped after the
     * grace period if it has not returned. Safe to call from any thread; a no-op when idle.
     */
    public void interrupt() {
        interruptRequested = true;
        worker.interrupt();
    }

    /** True while a cell runs. */
    public boolean busy() {
        return running;
    }

    /**
     * Sends {@code text} to the stderr of the running cell, if there is one, right away (used when
     * the process is about to end).
     */
    public void reportToRunningCell(String text) {
        if (running) {
            emit(l -> l.stream(CellListener.STDERR, text));
        }
    }

    // ---- rich output --------------------------------------------------------------------------

    /** The renderer shared by all front ends. */
    public Renderer renderer() {
        return renderer;
    }

    /** Renders {@code value} with its preferred MIME types, or with {@code mimeTypes} when given. */
    public DisplayData render(Object value, String... mimeTypes) {
        if (value instanceof DisplayData d) {
            return d;
        }
        if (value == null) {
            return new DisplayData("null");
        }
        return mimeTypes.length == 0 ? renderer.render(value) : renderer.renderAs(value, mimeTypes);
    }

    /** Shows {@code value} as a new output of the running cell and returns its display id. */
    public String display(Object value, String... mimeTypes) {
        DisplayData rendered = render(value, mimeTypes);
        DisplayData data = new DisplayData(rendered);
        String id = rendered.getDisplayId() != null ? rendered.getDisplayId() : UUID.randomUUID().toString();
        data.setDisplayId(id);
        emit(l -> l.display(data));
        return id;
    }

    /** Replaces the output shown under {@code displayId} (in whichever cell it is). */
    public void updateDisplay(String displayId, Object value, String... mimeTypes) {
        DisplayData data = new DisplayData(render(value, mimeTypes));
        data.setDisplayId(displayId);
        emit(l -> l.updateDisplay(data));
    }

    /** Clears the running cell's output ({@code wait}: when the next output arrives). */
    public void clearOutput(boolean wait) {
        emit(l -> l.clearOutput(wait));
    }

    private void emit(java.util.function.Consumer<CellListener> action) {
        OutputRouter.CellStreams streams = router.current();
        if (streams != null) {
            streams.emit(action);
        }
    }

    /** The toolkit's {@link Display} calls end up here while an engine runs. */
    private final class EngineSink implements DisplaySink {
        @Override
        public String display(Object value) {
            return Engine.this.display(value);
        }

        @Override
        public void update(String displayId, Object value) {
            Engine.this.updateDisplay(displayId, value);
        }

        @Override
        public boolean isRich() {
            return true;
        }
    }

    // ---- classpath and magics -----------------------------------------------------------------

    /** Makes a jar or class folder visible to later snippets. */
    public void addToClasspath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new IllegalArgumentException("no such file or folder: " + absolute);
        }
        String entry = absolute.toString();
        if (!addedClasspath.contains(entry)) {
            shell.addToClasspath(entry);
            addedClasspath.add(entry);
        }
    }

    /** The class path cells compile and run against: the JVM's, then what magics added. */
    public List<String> classpath() {
        Set<String> all = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!e.isBlank()) {
                all.add(e);
            }
        }
        all.addAll(addedClasspath);
        return List.copyOf(all);
    }

    public void registerLineMagic(String name, Magic magic) {
        lineMagics.put(name, magic);
    }

    public void registerCellMagic(String name, Magic magic) {
        cellMagics.put(name, magic);
    }

    public Set<String> lineMagicNames() {
        return Set.copyOf(lineMagics.keySet());
    }

    public Set<String> cellMagicNames() {
        return Set.copyOf(cellMagics.keySet());
    }

    /** Guards {@code %load} against files that load themselves. */
    int enterLoad() {
        if (loadDepth >= 16) {
            throw new IllegalStateException("%load nested more than 16 deep; does a file load itself?");
        }
        return ++loadDepth;
    }

    void leaveLoad() {
        loadDepth--;
    }

    /** The process's real standard output (progress lines of the runner go here, not into cells). */
    public PrintStream terminalOut() {
        return router.terminalOut();
    }

    public PrintStream terminalErr() {
        return router.terminalErr();
    }

    // ---- completion, inspection, is_complete -------------------------------------------------

    /** Completion candidates at {@code cursor}: each replaces {@code code[start, end)}. */
    public record Completion(List<String> matches, int start, int end) {
    }

    public Completion complete(String code, int cursor) {
        cursor = Math.max(0, Math.min(cursor, code.length()));
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String linePrefix = code.substring(lineStart, cursor);
        if (linePrefix.stripLeading().startsWith("%") && !linePrefix.contains(" ")) {
            String typed = linePrefix.stripLeading();
            boolean cell = typed.startsWith("%%");
            String name = typed.substring(cell ? 2 : 1);
            List<String> matches = (cell ? cellMagics : lineMagics).keySet().stream()
                    .filter(n -> n.startsWith(name)).sorted().map(n -> (cell ? "%%" : "%") + n).toList();
            return new Completion(matches, cursor - typed.length(), cursor);
        }
        String masked = CellParts.maskMagics(code);
        int start = snippetStart(masked, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(masked.substring(start), cursor - start, anchor);
        List<String> matches = new ArrayList<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).map(SourceCodeAnalysis.Suggestion::continuation).forEach(matches::add);
        suggestions.stream().filter(s -> !s.matchesType()).map(SourceCodeAnalysis.Suggestion::continuation).forEach(matches::add);
        return new Completion(matches.stream().distinct().toList(), start + anchor[0], cursor);
    }

    /**
     * Signature and documentation of what is at {@code cursor} (a method, a class, a variable), as
     * plain text; empty when there is nothing to say.
     */
    public Optional<String> inspect(String code, int cursor, boolean detail) {
        cursor = Math.max(0, Math.min(cursor, code.length()));
        String masked = CellParts.maskMagics(code);
        int start = snippetStart(masked, cursor);
        String input = masked.substring(start);
        int pos = cursor - start;
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(input, pos, true);
        if (docs.isEmpty()) {
            // The cursor is often just after a name ("Math.max|"); JShell documents calls, so try one.
            String before = input.substring(0, pos);
            if (!before.isEmpty() && Character.isJavaIdentifierPart(before.charAt(before.length() - 1))) {
                docs = analysis.documentation(before + "(", pos + 1, true);
            }
        }
        if (!docs.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (SourceCodeAnalysis.Documentation d : docs) {
                if (text.length() > 0) {
                    text.append("\n\n");
                }
                text.append(d.signature());
                if (d.javadoc() != null && !d.javadoc().isBlank()) {
                    String doc = d.javadoc().strip();
                    text.append("\n").append(detail || doc.length() < 600 ? doc : doc.substring(0, 600) + " ...");
                }
            }
            return Optional.of(text.toString());
        }
        String name = identifierAt(masked, cursor);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return shell.variables().filter(v -> v.name().equals(name) && shell.status(v).isActive()).findFirst()
                .map(this::describeVariable);
    }

    private String describeVariable(VarSnippet v) {
        return v.typeName() + " " + v.name();
    }

    private static String identifierAt(String code, int cursor) {
        int from = cursor;
        while (from > 0 && Character.isJavaIdentifierPart(code.charAt(from - 1))) {
            from--;
        }
        int to = cursor;
        while (to < code.length() && Character.isJavaIdentifierPart(code.charAt(to))) {
            to++;
        }
        return code.substring(from, to);
    }

    /** Where the snippet holding {@code cursor} starts: complete snippets before it are skipped. */
    private int snippetStart(String code, int cursor) {
        int offset = 0;
        String rest = code;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            boolean complete = info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE
                    || info.completeness() == SourceCodeAnalysis.Completeness.COMPLETE_WITH_SEMI;
            if (!complete || info.remaining().isBlank()) {
                return offset;
            }
            int length = rest.length() - info.remaining().length();
            if (offset + length > cursor) {
                return offset;
            }
            offset += length;
            rest = info.remaining();
        }
    }

    /** Jupyter's is_complete answer. */
    public enum Completeness { COMPLETE, INCOMPLETE, INVALID }

    public Completeness isComplete(String code) {
        String rest = CellParts.maskMagics(code);
        while (!rest.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(rest);
            switch (info.completeness()) {
                case COMPLETE:
                case COMPLETE_WITH_SEMI:
                    rest = info.remaining();
                    break;
                case EMPTY:
                    return Completeness.COMPLETE;
                case DEFINITELY_INCOMPLETE:
                case CONSIDERED_INCOMPLETE:
                    return Completeness.INCOMPLETE;
                default:
                    return Completeness.INVALID;
            }
        }
        return Completeness.COMPLETE;
    }

    // ---- lifecycle ----------------------------------------------------------------------------

    @Override
    public void close() {
        synchronized (Engine.class) {
            if (current == this) {
                current = null;
            }
        }
        Display.install(previousSink);
        try {
            shell.close();
        } catch (RuntimeException ignored) {
            // Closing is best effort; the JVM may be going down.
        }
        worker.close();
        router.close();
    }
}
