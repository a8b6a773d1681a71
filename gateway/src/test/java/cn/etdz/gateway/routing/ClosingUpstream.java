package cn.etdz.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An upstream that answers the first request on each connection with keep-alive and closes the connection when a
 * second request arrives on it, without answering: what a client meets when it reuses a kept-alive connection the
 * server has just closed (an idle timeout, a restart). Closed with a reset ({@code resets}), it is what the client
 * meets when its request lands on a connection the server closed a moment before: the server's kernel answers the
 * request with a TCP reset, which the client reads as "connection reset by peer" rather than as a close. A raw socket
 * server, because an HTTP server library would not let a test choose which request a connection dies on. Each answer
 * lists every request received so far, answered or not ({@code METHOD path}), so a test sees through the gateway what
 * reached the upstream.
 */
final class ClosingUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private final boolean resets;

    /** @param resets close with a TCP reset (RST) instead of an orderly close (FIN) */
    ClosingUpstream(boolean resets) {
        this.resets = resets;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::accept, "closing-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "closing-upstream-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int requestOnConnection = 1; ; requestOnConnection++) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String requestLine = head.substring(0, head.indexOf("\r\n"));
                String[] parts = requestLine.split(" ");
                in.readNBytes(contentLength(head));
                if (!parts[1].startsWith("/api/")) { // the gateway's OpenAPI fetch: this upstream has no document
                    out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    return;
                }
                received.add(parts[0] + " " + parts[1]);
                if (requestOnConnection > 1) {
                    if (resets) {
                        socket.setSoLinger(true, 0); // the close below sends RST
                    }
                    return; // closes the kept-alive connection instead of answering
                }
                byte[] body = ("{\"received\": [" + received.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", "))
                        + "]}").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the gateway closed the connection: nothing to answer
        }
    }

    /** The request line and headers up to the blank line, or null when the connection ends first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
