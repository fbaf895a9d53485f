package vn.motcua.messaging.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the event consumer. DOWN until the consumer has joined its group for the first time, so that a
 * freshly started service reports ready only when the events of a journey will be handled at once. After that it
 * stays UP even while the broker is away (the outbox absorbs an outage; taking every instance out of rotation would
 * turn it into a full outage) and while a partition is held up by a failing event: that is reported in the data
 * ({@code stuck}: partition, offset, attempts, since, last error), as the event is retried and nothing is lost.
 */
@Readiness
@ApplicationScoped
public class ConsumerReadiness implements HealthCheck {

    @Inject
    EventConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event consumer");
        if (!consumer.active()) {
            return response.up().withData("consuming", false).build();
        }
        ConsumerState state = consumer.state();
        response.status(state.joined()).withData("joined-group", state.joined());
        int stuck = 0;
        for (ConsumerState.Stuck partition : state.stuck()) {
            stuck++;
            response.withData("stuck " + partition.partition(), "offset " + partition.offset() + ", " + partition.attempts()
                    + " attempts since " + partition.since() + ": " + partition.lastError());
        }
        return response.withData("stuck-partitions", stuck).build();
    }
}
