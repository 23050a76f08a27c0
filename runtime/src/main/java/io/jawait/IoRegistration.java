package io.jawait;

import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;

/** A channel's reader and writer callbacks, attached to its selection key. */
final class IoRegistration {
    private final SelectableChannel channel;
    SelectionKey key;
    private Runnable reader;
    private Runnable writer;
    /** Run the callback registered when the handle runs, not when the key was selected: one
     *  removed earlier in the same iteration must not run. */
    private final Runnable readerNow = () -> runIfSet(reader);
    private final Runnable writerNow = () -> runIfSet(writer);

    IoRegistration(SelectableChannel channel) {
        this.channel = channel;
    }

    /** @return whether a reader was registered before */
    boolean setReader(Runnable callback) {
        boolean had = reader != null;
        reader = callback;
        update(had, callback != null);
        return had;
    }

    /** @return whether a writer was registered before */
    boolean setWriter(Runnable callback) {
        boolean had = writer != null;
        writer = callback;
        update(had, callback != null);
        return had;
    }

    private void update(boolean had, boolean has) {
        int ops = 0;
        if (reader != null) {
            ops |= (channel.validOps() & SelectionKey.OP_ACCEPT) != 0 ? SelectionKey.OP_ACCEPT : SelectionKey.OP_READ;
        }
        if (writer != null) {
            ops |= (channel.validOps() & SelectionKey.OP_CONNECT) != 0 && !isConnected() ? SelectionKey.OP_CONNECT : SelectionKey.OP_WRITE;
        }
        // The key stays registered with no interest: cancelling it would make the next
        // registration of the same channel fail until the selector has run.
        if (key.isValid()) {
            key.interestOps(ops);
        }
    }

    private boolean isConnected() {
        return channel instanceof java.nio.channels.SocketChannel sc && sc.isConnected();
    }

    /** Queues the callbacks the selected key is ready for. */
    void fire(SelectionKey k, ReadyQueue ready) {
        int r;
        try {
            r = k.readyOps();
        } catch (CancelledKeyException e) {
            return;
        }
        if ((r & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && reader != null) {
            ready.add(new EventLoop.Handle(readerNow));
        }
        if ((r & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && writer != null) {
            ready.add(new EventLoop.Handle(writerNow));
        }
    }

    private static void runIfSet(Runnable callback) {
        if (callback != null) {
            callback.run();
        }
    }
}
