package vn.motcua.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The same gateway and fake services, standing behind a load balancer at 127.0.0.1 (the test client's address). */
public class BehindBalancerProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("motcua.gateway.proxy.trusted-proxies", "127.0.0.1,10.0.0.0/8");
    }
}
