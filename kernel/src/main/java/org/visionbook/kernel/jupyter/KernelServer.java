package org.visionbook.kernel.jupyter;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.visionbook.kernel.engine.Engine;
import org.visionbook.kernel.engine.EngineConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the kernel for one Jupyter session: reads the connection file Jupyter wrote, starts the
 * engine, binds the sockets and serves until Jupyter asks it to shut down.
 */
public final class KernelServer {

    private KernelServer() {
    }

    public static void serve(Path connectionFile) throws Exception {
        String json;
        try {
            json = Files.readString(connectionFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the Jupyter connection file " + connectionFile + ": " + e.getMessage(), e);
        }
        KernelConnectionProperties properties = KernelConnectionProperties.parse(json);
        // Answer Jupyter at once; JShell and the startup script warm up meanwhile, and the first
        // request that needs them waits.
        CompletableFuture<Engine> engine = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                Engine started = Engine.start(EngineConfig.defaults());
                // Problems in a user's startup script go to the kernel log (Jupyter's terminal), not into a cell.
                started.startupProblems().forEach(started.terminalErr()::println);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> started.reportToRunningCell(
                        "\n[visionbook] The kernel's JVM is exiting while this cell runs (System.exit in library code,"
                                + " or the process was killed). Jupyter will offer to restart the kernel; variables are lost.\n"),
                        "visionbook-exit-report"));
                engine.complete(started);
            } catch (Throwable t) {
                // Jupyter's terminal shows the kernel's stderr: say once why cells cannot run
                System.err.println(t instanceof IllegalStateException ? t.getMessage() : "visionbook: the kernel could not start: " + t);
                engine.completeExceptionally(t);
            }
        }, "visionbook-engine-start");
        starter.setDaemon(true);
        starter.start();
        JupyterKernel kernel = new JupyterKernel(engine);
        KernelConnection connection = new KernelConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        connection.connect();
        connection.waitUntilClose();
        if (engine.isDone() && !engine.isCompletedExceptionally()) {
            engine.join().close();
        }
    }
}
