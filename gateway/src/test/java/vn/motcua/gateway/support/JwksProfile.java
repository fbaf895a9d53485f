package vn.motcua.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The gateway verifying tokens against an identity provider's JWKS URL instead of a PEM file. */
public class JwksProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(JwksServer.class));
    }
}
