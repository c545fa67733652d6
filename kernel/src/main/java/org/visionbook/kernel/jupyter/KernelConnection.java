package org.visionbook.kernel.jupyter;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

/**
 * The base library's connection, with {@link WaitingShellChannel}s for shell and control requests
 * (heartbeat, stdin and IOPub are the library's own).
 */
final class KernelConnection extends JupyterConnection {

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final WaitingShellChannel shellChannel;
    private final WaitingShellChannel controlChannel;

    KernelConnection(KernelConnectionProperties properties) throws NoSuchAlgorithmException, InvalidKeyException {
        super(properties);
        this.properties = properties;
        this.shellChannel = new WaitingShellChannel(context, properties.createHMACGenerator(), false, this);
        this.controlChannel = new WaitingShellChannel(context, properties.createHMACGenerator(), true, this);
    }

    @Override
    public void connect() {
        heartbeat.bind(properties);
        shellChannel.bind(properties);
        controlChannel.bind(properties);
        stdin.bind(properties);
        iopub.bind(properties);
        getIOPub().sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    @Override
    public void close() {
        shellChannel.close();
        controlChannel.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        super.waitUntilClose();
        shellChannel.waitUntilClose();
        controlChannel.waitUntilClose();
    }
}
