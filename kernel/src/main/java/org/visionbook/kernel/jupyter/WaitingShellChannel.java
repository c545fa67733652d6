package org.visionbook.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that blocks on its socket until a request arrives. The base
 * library's channel checks its socket and then sleeps 50 ms, which adds up to 50 ms to every
 * request (completion included) and wakes the process 20 times a second while idle.
 */
final class WaitingShellChannel extends ShellChannel {

    private static final int POLL_MILLIS = 200;

    private final boolean control;
    private final JupyterConnection connection;
    private volatile boolean running;
    private Thread thread;

    WaitingShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection);
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        int port = control ? properties.getControlPort() : properties.getShellPort();
        super.bind(properties.getTransport() + "://" + properties.getIp() + ":" + port);
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    serveOne(poller);
                } catch (RuntimeException closedWhileWaiting) {
                    // Shutdown closes every socket, possibly while this thread waits on one.
                    if (running) {
                        throw closedWhileWaiting;
                    }
                }
            }
        }, control ? "jupyter-control" : "jupyter-shell");
        thread.start();
    }

    /** Waits up to {@link #POLL_MILLIS} for one request and answers it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void serveOne(ZMQ.Poller poller) {
        if (poller.poll(POLL_MILLIS) <= 0 || !running) {
            return;
        }
        Message<?> message = readMessage();
        ShellHandler handler = message == null ? null : connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            // A failing handler must not stop the channel; the frontend sees no reply to that request.
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            connection.close();
        }
    }

    @Override
    public void close() {
        running = false;
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
