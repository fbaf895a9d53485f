package vn.motcua.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service instance on a raw socket that closes keep-alive connections left idle for {@code idleLimitMillis}, at the
 * worst possible moment: when the next request on such a connection arrives, as a server's idle timer that fires just
 * as a request comes in. It reads the request's first byte and closes without answering, so a client that reuses the
 * connection sees it closed under its request (the gateway answered {@code 502 UPSTREAM_ERROR (HttpClosedException)}).
 */
public final class IdleClosingUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final long idleLimitMillis;
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger closedIdle = new AtomicInteger();

    public IdleClosingUpstream(long idleLimitMillis) throws IOException {
        this.idleLimitMillis = idleLimitMillis;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "idle-closing-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Requests answered (a request refused by an idle close is not). */
    public int served() {
        return served.get();
    }

    /** Connections closed under an arriving request because they had been idle too long. */
    public int closedIdle() {
        return closedIdle.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread connection = new Thread(() -> serve(socket), "idle-closing-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            long idleSince = System.nanoTime();
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                if ((System.nanoTime() - idleSince) / 1_000_000 >= idleLimitMillis) {
                    closedIdle.incrementAndGet();
                    return; // the idle timer won: the request is not read, the connection is closed
                }
                String head = readHead(in, first);
                long length = 0;
                for (String line : head.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Long.parseLong(line.substring(15).trim());
                    }
                }
                in.readNBytes((int) length);
                int n = served.incrementAndGet();
                byte[] body = ("{\"served\":" + n + "}").getBytes(StandardCharsets.UTF_8);
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                idleSince = System.nanoTime();
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    private static String readHead(InputStream in, int first) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(first);
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the request head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
