package org.visionbook.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.publish.PublishClearOutput;
import org.dflib.jjava.jupyter.messages.publish.PublishDisplayData;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.dflib.jjava.jupyter.messages.publish.PublishUpdateDisplayData;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.visionbook.kernel.engine.CellError;
import org.visionbook.kernel.engine.CellListener;
import org.visionbook.kernel.engine.CellOutcome;
import org.visionbook.kernel.engine.Engine;
import org.visionbook.kernel.engine.QuickCompleteness;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Jupyter side of the kernel: the base library speaks the messaging protocol (ZeroMQ, message
 * signing, status, replies); every request is answered by the shared {@link Engine}.
 */
public final class JupyterKernel extends BaseKernel {

    /** Kernelspec name; notebooks' metadata refer to it. */
    public static final String KERNELSPEC_NAME = "java";

    private final CompletableFuture<Engine> starting;
    private final SessionHistory history;
    private volatile boolean historyMagicRegistered;

    /** A kernel for an engine that may still be starting: requests that need it wait. */
    public JupyterKernel(CompletableFuture<Engine> engine) {
        this(engine, new SessionHistory());
    }

    private JupyterKernel(CompletableFuture<Engine> engine, SessionHistory history) {
        super("visionbook-java", version(), languageInfo(), List.of(), history, new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(), new Renderer(), null, new MagicsRegistry(), false,
                new StringStyler.Builder().build());
        this.starting = engine;
        this.history = history;
    }

    public JupyterKernel(Engine engine) {
        this(CompletableFuture.completedFuture(engine));
    }

    private Engine engine() {
        Engine engine;
        try {
            engine = starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw new IllegalStateException("the Java kernel could not start: " + e.getCause(), e.getCause());
        }
        if (!historyMagicRegistered) {
            // the session's inputs live here, so %history belongs to the Jupyter front end, not the engine
            engine.registerLineMagic("history", call -> {
                history.print(call.args(), System.out);
                return org.visionbook.kernel.engine.Evaluation.NOTHING;
            });
            historyMagicRegistered = true;
        }
        return engine;
    }

    /** The language_info notebooks record; the runner writes the same. */
    public static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jsh")
                .pygments("java")
                .codemirror("text/x-java")
                .build();
    }

    static String version() {
        String v = JupyterKernel.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public Renderer getRenderer() {
        return engine().renderer();
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (JShell) with the visionbook toolkit";
    }

    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        commManager.setMessageContext(message);
        ExecuteRequest request = message.getContent();
        boolean silent = request.isSilent();
        boolean store = !silent && request.shouldStoreHistory();
        int count = store ? executionCount.getAndIncrement() : executionCount.get();
        env.setBusyDeferIdle();
        if (!silent) {
            env.publish(new PublishExecuteInput(request.getCode(), count));
        }
        CellOutcome outcome;
        try {
            outcome = engine().execute(request.getCode(), count, new IopubListener(env, silent, request.isStdinEnabled()));
        } catch (IllegalStateException notStarted) {
            outcome = new CellOutcome.Failure(new CellError("KernelError", notStarted.getMessage(), List.of(notStarted.getMessage())));
        }
        if (store) {
            history.record(count, request.getCode(), outcome instanceof CellOutcome.Success success
                    ? success.result().map(data -> data.getData(MIMEType.TEXT_PLAIN)).map(String::valueOf).orElse(null)
                    : null);
        }
        if (outcome instanceof CellOutcome.Success success) {
            if (!silent) {
                success.result().ifPresent(data -> env.publish(new PublishExecuteResult(count, data)));
            }
            env.defer().reply(new ExecuteReply(count, Collections.emptyMap()));
        } else {
            CellError error = ((CellOutcome.Failure) outcome).error();
            if (!silent) {
                env.publish(new PublishError(error.name(), error.message(), error.traceback()));
            }
            ErrorReply reply = new ErrorReply(error.name(), error.message(), error.traceback());
            reply.setExecutionCount(count);
            env.defer().replyError(ExecuteReply.MESSAGE_TYPE.error(), reply);
        }
    }

    @Override
    public Object evalRaw(String source) {
        // Used by the base library's notebook statics; this kernel's cells use org.visionbook.kernel.Notebook.
        CellOutcome outcome = engine().execute(source, 0, CellListener.discarding());
        if (outcome instanceof CellOutcome.Success s) {
            return s.result().orElse(null);
        }
        throw new IllegalStateException(((CellOutcome.Failure) outcome).error().plainText());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return engine().inspect(code, at, extraDetail).map(DisplayData::new).orElse(null);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        Engine.Completion c = engine().complete(code, at);
        return new ReplacementOptions(c.matches(), c.start(), c.end());
    }

    @Override
    public String isComplete(String code) {
        // A console asks on its first Enter and gives up after ~1 s: answer from the text until JShell is ready.
        boolean ready = starting.isDone() && !starting.isCompletedExceptionally();
        Engine.Completeness answer = ready ? engine().isComplete(code) : QuickCompleteness.of(code);
        return switch (answer) {
            case COMPLETE -> IS_COMPLETE_YES;
            case INVALID -> IS_COMPLETE_BAD;
            case INCOMPLETE -> "    ";
        };
    }

    @Override
    public void interrupt() {
        if (starting.isDone() && !starting.isCompletedExceptionally()) {
            starting.join().interrupt();
        }
    }

    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    @Override
    protected void handleInterruptRequest(ShellReplyEnvironment env, Message<InterruptRequest> message) {
        env.setBusyDeferIdle();
        env.defer().reply(new Interrupted());
        interrupt();
    }

    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        // the base library's own handler answers without the status field the protocol requires
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        Set<HistoryManager.ResultFlag> flags = EnumSet.noneOf(HistoryManager.ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(HistoryManager.ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries = switch (request.getAccessType()) {
            case TAIL -> history.lookupTail(((HistoryRequest.Tail) request).getMaxReturnLength(), flags);
            case RANGE -> {
                HistoryRequest.Range range = (HistoryRequest.Range) request;
                yield history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
            }
            case SEARCH -> {
                HistoryRequest.Search search = (HistoryRequest.Search) request;
                if (search.filterUnique()) {
                    flags.add(HistoryManager.ResultFlag.UNIQUE);
                }
                yield history.search(search.getPattern(), search.getMaxReturnLength(), flags);
            }
        };
        env.reply(new History(entries));
    }

    /**
     * A history_reply written out by hand: the base library's lacks {@code status}, and its entries
     * reach the client as objects instead of the protocol's [session, line, input] triples.
     */
    private static final class History implements ContentType<History> {
        @SuppressWarnings("unchecked")
        private static final MessageType<History> TYPE = (MessageType<History>) (MessageType<?>) HistoryReply.MESSAGE_TYPE;

        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";
        @SuppressWarnings("unused")
        private final List<List<Object>> history;

        History(List<HistoryEntry> entries) {
            this.history = entries.stream()
                    .map(e -> List.<Object>of(e.getSession(), e.getCellNumber(),
                            e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput()))
                    .toList();
        }

        @Override
        public MessageType<History> getType() {
            return TYPE;
        }
    }

    /** The base library's kernel_info_reply lacks the {@code status} field the protocol (5.1+) requires. */
    private static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";

        KernelInfo(String protocol, String name, String version, LanguageInfo info, String banner, List<HelpLink> links) {
            super(protocol, name, version, info, banner, links);
        }
    }

    /** The same for interrupt_reply. */
    private static final class Interrupted extends InterruptReply {
        @SuppressWarnings("unused") // serialized by Gson
        private final String status = "ok";
    }

    /** Sends a cell's output to the frontend as IOPub messages (they carry the request as parent). */
    private static final class IopubListener implements CellListener {
        private final ShellReplyEnvironment env;
        private final boolean silent;
        private final boolean stdinAllowed;

        IopubListener(ShellReplyEnvironment env, boolean silent, boolean stdinAllowed) {
            this.env = env;
            this.silent = silent;
            this.stdinAllowed = stdinAllowed;
        }

        @Override
        public void stream(String name, String text) {
            if (!silent) {
                env.publish(new PublishStream(STDERR.equals(name) ? PublishStream.StreamType.ERR : PublishStream.StreamType.OUT, text));
            }
        }

        @Override
        public void display(DisplayData data) {
            if (!silent) {
                env.publish(new PublishDisplayData(data));
            }
        }

        @Override
        public void updateDisplay(DisplayData data) {
            if (!silent) {
                env.publish(new PublishUpdateDisplayData(data));
            }
        }

        @Override
        public void clearOutput(boolean wait) {
            if (!silent) {
                env.publish(wait ? PublishClearOutput.BEFORE_NEXT_OUTPUT : PublishClearOutput.NOW);
            }
        }

        @Override
        public String readLine(String prompt) {
            return stdinAllowed ? env.readFromStdIn(prompt) : null;
        }
    }
}
