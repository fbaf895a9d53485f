package vn.motcua.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller), running in a child JVM from the
 * Kafka jars on Maven Central.
 *
 * <p>A child process rather than an in-process server because the broker brings Scala and its own logging and
 * Jackson versions, which must not meet a Quarkus application's classpath; and because tests can then stop and
 * restart it exactly as an operator would. The data directory survives {@link #stop()}: starting a new broker on
 * it finds every topic and record again.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final String CLASSPATH_RESOURCE = "broker-classpath.txt";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String heapSize;
    private Process process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, String heapSize) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
        this.heapSize = heapSize;
    }

    /** A broker on the given data directory and ports; {@code 0} picks a free port. */
    public static KafkaBroker on(Path dataDir, int port, int controllerPort) {
        return new KafkaBroker(dataDir, port == 0 ? freePort() : port,
                controllerPort == 0 ? freePort() : controllerPort, "512m");
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /**
     * Formats the data directory on first use, starts the broker and returns once it accepts clients.
     *
     * @throws BrokerStartException with a one-line reason (port taken, directory not writable, start timed out)
     */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        ensurePortFree(port, "Kafka port");
        ensurePortFree(controllerPort, "Kafka controller port");
        Path logDir = dataDir.resolve("logs");
        Path kraftDir = dataDir.resolve("kraft");
        try {
            Files.createDirectories(logDir);
            Files.createDirectories(kraftDir);
        } catch (IOException e) {
            throw new BrokerStartException("Kafka data directory " + dataDir + " is not writable: " + e.getMessage());
        }
        if (!Files.isWritable(dataDir) || !Files.isWritable(kraftDir)) {
            throw new BrokerStartException("Kafka data directory " + dataDir + " is not writable");
        }
        Path config = writeServerProperties(kraftDir, logDir);
        if (!Files.exists(kraftDir.resolve("meta.properties"))) {
            format(config, logDir);
        }
        Path serverLog = logDir.resolve("server.log");
        long logOffset = sizeOf(serverLog);
        process = launch(List.of("kafka.Kafka", config.toString()), logDir, "broker-stdout.log");
        awaitStarted(serverLog, logOffset);
        return this;
    }

    /** Stops the broker cleanly (SIGTERM lets Kafka flush and close its logs); the data directory is kept. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

    private Path writeServerProperties(Path kraftDir, Path logDir) {
        String properties = """
                # Written by vn.motcua.kafka.KafkaBroker: a single-node KRaft broker for tests and local development.
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=5
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=5
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=168
                """.formatted(port, controllerPort, kraftDir.toString().replace("\\", "/"));
        Path config = dataDir.resolve("server.properties");
        Path log4j = dataDir.resolve("log4j2.properties");
        try {
            Files.writeString(config, properties, StandardCharsets.UTF_8);
            Files.writeString(log4j, """
                    status = warn
                    appender.file.type = File
                    appender.file.name = FILE
                    appender.file.fileName = %s
                    appender.file.layout.type = PatternLayout
                    appender.file.layout.pattern = [%%d] %%p %%m (%%c)%%n
                    rootLogger.level = INFO
                    rootLogger.appenderRef.file.ref = FILE
                    logger.kafka.name = kafka
                    logger.kafka.level = INFO
                    logger.state.name = state.change.logger
                    logger.state.level = WARN
                    """.formatted(logDir.resolve("server.log").toString().replace("\\", "/")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BrokerStartException("cannot write Kafka configuration under " + dataDir + ": " + e.getMessage());
        }
        return config;
    }

    private void format(Path config, Path logDir) {
        String clusterId = newClusterId();
        Process formatter = launch(List.of("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId, "--config", config.toString()),
                logDir, "format.log");
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS)) {
                formatter.destroyForcibly();
                throw new BrokerStartException("formatting the Kafka data directory timed out; see " + logDir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while formatting the Kafka data directory");
        }
        if (formatter.exitValue() != 0) {
            throw new BrokerStartException("formatting the Kafka data directory failed (exit " + formatter.exitValue()
                    + "); see " + logDir.resolve("format.log"));
        }
    }

    private Process launch(List<String> mainAndArgs, Path logDir, String outputFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + heapSize);
        command.add("-Xmx" + heapSize);
        command.add("-XX:+UseG1GC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"));
        command.add("-Dkafka.logs.dir=" + logDir);
        command.add("-cp");
        command.add(brokerClasspath());
        command.addAll(mainAndArgs);
        try {
            return new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(outputFile).toFile()))
                    .start();
        } catch (IOException e) {
            throw new BrokerStartException("cannot start a JVM for Kafka: " + e.getMessage());
        }
    }

    private void awaitStarted(Path serverLog, long fromOffset) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new BrokerStartException("Kafka exited with code " + process.exitValue() + " during start-up; see "
                        + serverLog.getParent().resolve("broker-stdout.log") + " and " + serverLog);
            }
            if (logContains(serverLog, fromOffset, "Kafka Server started") && accepts(port)) {
                return;
            }
            sleep(100);
        }
        stop();
        throw new BrokerStartException("Kafka did not start within " + STARTUP_TIMEOUT.toSeconds() + " s; see " + serverLog);
    }

    private static boolean logContains(Path log, long fromOffset, String text) {
        if (!Files.exists(log)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(fromOffset, Files.size(log)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    static String brokerClasspath() {
        try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            Objects.requireNonNull(in, "broker-classpath.txt is missing: build platform/kafka-broker with Maven first");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ensurePortFree(int port, String what) {
        if (accepts(port)) {
            throw new BrokerStartException(what + " " + port + " is already in use on 127.0.0.1 "
                    + "(is another Kafka running? `./motcua status` shows ours)");
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kafka cluster ids are 16 random bytes in URL-safe base64 without padding; they may start with "-", hence the "--cluster-id=" form. */
    private static String newClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerStartException("interrupted while waiting for Kafka");
        }
    }

    /** A start failure with a one-line, actionable reason. */
    public static final class BrokerStartException extends RuntimeException {
        public BrokerStartException(String message) {
            super(message);
        }
    }

    /**
     * Runs a broker until this JVM is stopped: {@code java -cp kafka-broker.jar vn.motcua.kafka.KafkaBroker
     * --data-dir .motcua/kafka --port 9092 --controller-port 9093}. Used by the local stack ({@code ./motcua up}).
     */
    public static void main(String[] args) throws InterruptedException {
        Path dataDir = Path.of(".motcua/kafka");
        int port = 9092;
        int controllerPort = 9093;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[i + 1]);
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--controller-port" -> controllerPort = Integer.parseInt(args[i + 1]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        KafkaBroker broker = KafkaBroker.on(dataDir, port, controllerPort);
        try {
            broker.start();
        } catch (BrokerStartException e) {
            System.err.println("kafka: " + e.getMessage());
            System.exit(1);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-stop"));
        System.out.println("kafka: started on " + broker.bootstrapServers() + " (pid " + broker.pid() + "), data in " + dataDir.toAbsolutePath());
        while (broker.isRunning()) {
            Thread.sleep(1000);
        }
        System.err.println("kafka: broker process ended; see " + dataDir.resolve("logs"));
        System.exit(1);
    }
}
