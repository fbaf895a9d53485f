package vn.motcua.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.Topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the platform's topics and their dead-letter topics when they are missing, with a partition count that
 * lets several instances of a consumer share the work. Best effort: when Kafka is away at start-up the service
 * starts anyway and the relay publishes once it is back (the broker then creates topics with its defaults).
 */
@ApplicationScoped
public class TopicSetup {

    private static final Logger LOG = Logger.getLogger(TopicSetup.class);
    static final List<String> TOPICS = List.of(Topics.DOSSIER, Topics.PAYMENT, Topics.APPOINTMENT, Topics.DELIVERY,
            Topics.NOTIFICATION, Topics.POSTAL_ORDERS, Topics.POSTAL_STATUS_REPORTS);

    @Inject
    MessagingConfig config;

    @ConfigProperty(name = "motcua.messaging.topic-partitions", defaultValue = "6")
    int partitions;

    /** 1 for the single local broker; 3 on a production cluster. */
    @ConfigProperty(name = "motcua.messaging.topic-replication", defaultValue = "1")
    short replication;

    void onStart(@Observes StartupEvent startup) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : TOPICS) {
                for (String name : List.of(topic, Topics.deadLetterOf(topic))) {
                    if (!existing.contains(name)) {
                        missing.add(new NewTopic(name, partitions, replication));
                    }
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            // TopicExistsException from a concurrent instance is fine too
            LOG.infof("topic set-up skipped: %s", e.getMessage());
        }
    }
}
