package vn.motcua.payment.provider;

import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.payment.config.PaymentConfig;

/** Our base URL as providers and browsers reach it: configured in production, this instance's port in development. */
@ApplicationScoped
public class SelfUrl {

    @Inject
    PaymentConfig config;

    public String base() {
        return config.publicBaseUrl().map(u -> u.replaceAll("/+$", "")).orElseGet(() -> "http://localhost:" + port());
    }

    private static String port() {
        // with port 0 Quarkus writes the port it actually bound into these properties after start-up
        String name = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String fromSystem = System.getProperty(name);
        if (fromSystem != null && !fromSystem.equals("0")) {
            return fromSystem;
        }
        return org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue(name, String.class).orElse("8083");
    }
}
