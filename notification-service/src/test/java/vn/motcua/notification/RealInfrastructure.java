package vn.motcua.notification;

import io.quarkus.test.common.QuarkusTestResource;
import vn.motcua.testing.KafkaResource;
import vn.motcua.notification.support.OutsideSystems;
import vn.motcua.testing.PostgresResource;

/**
 * Every {@code @QuarkusTest} of this module runs against a real PostgreSQL (a database of its own) and a real
 * Kafka broker, plus real SMTP and HTTP servers playing the outside systems. The annotations apply to the whole module.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OutsideSystems.class)
public final class RealInfrastructure {
    private RealInfrastructure() {
    }
}
