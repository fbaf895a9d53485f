package vn.motcua.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.motcua.kafka.KafkaBroker;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker (KRaft, child JVM) for a {@code @QuarkusTest} run: one broker per test JVM, on free
 * ports, with its data under {@code target/}. Tests that need to stop and restart Kafka use {@link #broker()}; the
 * restarted broker keeps its ports and data, as a restarted production broker would.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;
    private static KafkaProducer<String, byte[]> producer;

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

    /**
     * Produces one record to the test broker and waits for its acknowledgement: how a test plays another service
     * (or a misbehaving one, with bytes that are not a CloudEvent). One producer per JVM; it reconnects after a restart.
     */
    public static synchronized void send(String topic, String key, byte[] value) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker().bootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not produce to " + topic, e);
        }
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
