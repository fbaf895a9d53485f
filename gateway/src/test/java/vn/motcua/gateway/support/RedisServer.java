package vn.motcua.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real Redis server for the tests: {@code redis-server} (Debian package redis-server) started on a free port
 * with nothing persisted, so the tests neither need nor disturb a Redis the developer runs.
 */
public final class RedisServer {

    private final Process process;
    private final int port;

    private RedisServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts a private redis-server; without the binary, falls back to a Redis already answering on 127.0.0.1:6379
     * (keys are prefixed and per-test unique, so sharing it is harmless), else says what to install.
     */
    public static RedisServer start() throws IOException {
        String binary = Files.isExecutable(Path.of("/usr/bin/redis-server")) ? "/usr/bin/redis-server" : "redis-server";
        int port = freePort();
        Process process;
        try {
            process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        } catch (IOException e) {
            if (pingAt(6379)) {
                return new RedisServer(null, 6379);
            }
            throw new IOException("the gateway tests need Redis: install the Debian package redis-server "
                    + "(or run one on 127.0.0.1:6379)", e);
        }
        RedisServer server = new RedisServer(process, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited at start (exit " + process.exitValue() + ")");
            }
            if (pingAt(port)) {
                return server;
            }
            sleep(50);
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not answer on port " + port);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void stop() {
        if (process == null) {
            return; // not ours
        }
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static boolean pingAt(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int n = in.read(reply);
            return n > 0 && new String(reply, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
