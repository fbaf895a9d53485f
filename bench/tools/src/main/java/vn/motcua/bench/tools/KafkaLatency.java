package vn.motcua.bench.tools;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * (g) raw Kafka latency: one record at a time, produced with the outbox's settings (idempotent, acks=all) and
 * timed until a consumer polling the same broker receives it. The floor under the event pipeline latency (f).
 * Usage: {@code KafkaLatency <bootstrap> <count>}
 */
public final class KafkaLatency {

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String topic = "bench.kafka-latency." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<Long, Long> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 1),
                new LongSerializer(), new LongSerializer());
             KafkaConsumer<Long, Long> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, topic,
                     ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                     new LongDeserializer(), new LongDeserializer())) {
            consumer.subscribe(Set.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            double[] latencies = new double[count];
            for (int i = 0; i < count + 50; i++) { // the first 50 warm up and are not counted
                long sent = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, (long) i, sent));
                boolean received = false;
                while (!received) {
                    for (ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(50))) {
                        if (record.key() == i) {
                            received = true;
                        }
                    }
                }
                if (i >= 50) {
                    latencies[i - 50] = (System.nanoTime() - sent) / 1_000_000.0;
                }
            }
            System.out.println(Percentiles.summary("kafka_produce_consume", latencies));
        }
    }
}
