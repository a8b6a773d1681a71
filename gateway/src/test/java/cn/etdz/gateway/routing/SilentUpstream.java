package cn.etdz.gateway.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An upstream that accepts every connection and never sends a byte: a service hung after the connect, which the
 * gateway must answer 504 once the route's timeout has passed.
 */
final class SilentUpstream implements AutoCloseable {

    private final ServerSocket server;
    /** Held open, unread, until the upstream is closed. */
    private final List<Socket> connections = new CopyOnWriteArrayList<>();

    SilentUpstream() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    connections.add(server.accept());
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "silent-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }
}
