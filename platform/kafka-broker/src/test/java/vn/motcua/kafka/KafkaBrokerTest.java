package vn.motcua.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void starts_creates_topics_serves_records_and_keeps_them_across_a_restart() throws Exception {
        KafkaBroker broker = KafkaBroker.on(dataDir, 0, 0).start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("dossier.test", 3, (short) 1))).all().get();
            assertThat(admin.listTopics().names().get()).contains("dossier.test");
        }
        produce(broker, "dossier.test", "d-1", "Đăng ký khai sinh");
        assertThat(consumeAll(broker, "dossier.test", 1)).containsExactly("Đăng ký khai sinh");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();

        KafkaBroker restarted = KafkaBroker.on(dataDir, broker.port(), broker.controllerPort()).start();
        try {
            produce(restarted, "dossier.test", "d-1", "Đăng ký kết hôn");
            assertThat(consumeAll(restarted, "dossier.test", 2))
                    .containsExactly("Đăng ký khai sinh", "Đăng ký kết hôn");
        } finally {
            restarted.stop();
        }
        assertThat(Files.exists(dataDir.resolve("kraft/meta.properties"))).isTrue();
    }

    @Test
    void refuses_a_taken_port_with_a_one_line_reason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> KafkaBroker.on(dataDir, taken.getLocalPort(), 0).start())
                    .isInstanceOf(KafkaBroker.BrokerStartException.class)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void refuses_an_unwritable_data_directory() throws Exception {
        Path file = Files.writeString(dataDir.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> KafkaBroker.on(file.resolve("kafka"), 0, 0).start())
                .isInstanceOf(KafkaBroker.BrokerStartException.class)
                .hasMessageContaining("not writable");
    }

    private static void produce(KafkaBroker broker, String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> consumeAll(KafkaBroker broker, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (values.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
