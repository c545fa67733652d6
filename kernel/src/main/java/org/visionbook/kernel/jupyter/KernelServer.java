package org.visionbook.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.visionbook.kernel.engine.Engine;
import org.visionbook.kernel.engine.EngineConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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
        Engine engine = Engine.start(EngineConfig.defaults());
        // Problems in a user's startup script go to the kernel log (Jupyter's terminal), not into a cell.
        engine.startupProblems().forEach(engine.terminalErr()::println);
        JupyterKernel kernel = new JupyterKernel(engine);
        JupyterConnection connection = new JupyterConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        kernel.onStartup();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> engine.reportToRunningCell(
                "\n[visionbook] The kernel's JVM is exiting while this cell runs (System.exit in library code,"
                        + " or the process was killed). Jupyter will offer to restart the kernel; variables are lost.\n"),
                "visionbook-exit-report"));
        connection.connect();
        connection.waitUntilClose();
        engine.close();
    }
}
