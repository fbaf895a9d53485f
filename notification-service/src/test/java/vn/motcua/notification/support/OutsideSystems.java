package vn.motcua.notification.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import vn.motcua.testing.SmtpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Starts the outside systems the service talks to, as real servers on loopback ports: an SMTP server, and one HTTP
 * server for the SMS provider ({@code /sms}) and the national portal ({@code /portal}). Webhook receivers live
 * on the same HTTP server under {@code /hooks/...}.
 */
public class OutsideSystems implements QuarkusTestResourceLifecycleManager {

    private static SmtpServer smtp;

    public static synchronized SmtpServer smtp() {
        if (smtp == null) {
            try {
                smtp = new SmtpServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return smtp;
    }

    public static HttpStub http() {
        return HttpStub.get();
    }

    @Override
    public Map<String, String> start() {
        FakePortal.install();
        http().respond("/sms/send", r -> new HttpStub.Reply(202, "{\"messageId\":\"sms-" + System.nanoTime() + "\"}"));
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(smtp().port()),
                "motcua.notification.sms.url", http().url("/sms/send"),
                "motcua.notification.sms.api-key", "test-sms-key",
                "motcua.notification.portal.url", http().url("/portal/api"),
                "motcua.notification.portal.token", "test-portal-token");
    }

    @Override
    public void stop() {
        // shared by every test application of the JVM
    }
}
