package vn.motcua.gateway.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Puts {@link GatewayTestResources} (real Redis, fake services) on every @QuarkusTest of this module. */
@QuarkusTestResource(GatewayTestResources.class)
public final class GatewayInfrastructure {
    private GatewayInfrastructure() {
    }
}
