package vn.motcua.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.motcua.kafka.KafkaBroker;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * A real Apache Kafka broker (KRaft, child JVM) for a {@code @QuarkusTest} run: one broker per test JVM, on free
 * ports, with its data under {@code target/}. Tests that need to stop and restart Kafka use {@link #broker()}; the
 * restarted broker keeps its ports and data, as a restarted production broker would.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            Path dataDir = Path.of("target", "kafka-test", UUID.randomUUID().toString());
            broker = KafkaBroker.on(dataDir, 0, 0);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-test-broker-stop"));
        }
        return broker;
    }

    /** Stops the broker and starts it again on the same ports and data directory. */
    public static synchronized void restart() {
        broker().stop();
        broker().start();
    }

    @Override
    public Map<String, String> start() {
        KafkaBroker running = broker().start();
        return Map.of("kafka.bootstrap.servers", running.bootstrapServers());
    }

    @Override
    public void stop() {
        // kept for the whole JVM: several Quarkus test applications in one module share the broker;
        // the shutdown hook stops it
    }
}
