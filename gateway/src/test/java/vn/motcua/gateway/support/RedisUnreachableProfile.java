package vn.motcua.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The same gateway and fake services, with Redis pointing at a port nobody listens on. */
public class RedisUnreachableProfile implements QuarkusTestProfile {

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GatewayTestResources.class, Map.of("redis", "unreachable")));
    }
}
