package vn.motcua.delivery;

import io.quarkus.test.common.QuarkusTestResource;
import vn.motcua.testing.KafkaResource;
import vn.motcua.testing.PostgresResource;

/**
 * Every {@code @QuarkusTest} of this module runs against a real PostgreSQL (a database of its own) and a real
 * Kafka broker. The annotations apply to the whole module.
 */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
public final class RealInfrastructure {
    private RealInfrastructure() {
    }
}
