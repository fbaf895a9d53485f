package vn.motcua.notification.channel;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.motcua.contracts.dossier.DossierEvents;
import vn.motcua.contracts.events.Topics;
import vn.motcua.notification.support.Admin;
import vn.motcua.notification.support.Events;
import vn.motcua.notification.support.OutsideSystems;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several instances and a provider slower than the sending lease: the scheduled sender and a second claim loop over
 * the same database (as a second replica would run) share the queue while the mail server takes longer to accept
 * each mail than the lease lasts. The lease is renewed while a batch is being sent and every write-back checks the
 * claim token, so each mail is sent exactly once.
 */
@QuarkusTest
class SlowProviderTest {

    @Inject
    MessageDispatcher dispatcher;

    @ConfigProperty(name = "motcua.notification.retry.sending-lease")
    Duration lease;

    @Test
    void a_mail_server_slower_than_the_lease_gets_each_mail_once_from_two_senders() throws Exception {
        Duration slowerThanTheLease = lease.plusSeconds(1);
        List<String> addresses = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String citizen = Events.unique("slow");
            String address = citizen + "@example.vn";
            OutsideSystems.smtp().answerSlowly(address, slowerThanTheLease);
            addresses.add(address);
            String dossierId = Events.unique("dossier");
            events.add(Events.send(Topics.DOSSIER, dossierId, DossierEvents.SUBMITTED, new DossierEvents.Submitted(
                    Events.dossier(dossierId, Events.citizen(citizen, address, null, "vi"), "SUBMITTED", 1),
                    Events.now(), false, null)).id());
        }

        // the second "replica": its own claim loop over the same database, next to the scheduled one
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService replica = Executors.newSingleThreadExecutor();
        Future<?> loop = replica.submit(() -> {
            while (running.get()) {
                dispatcher.dispatchDue();
                Thread.sleep(100);
            }
            return null;
        });
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> events.stream().allMatch(e -> "DELIVERED".equals(Admin.statusOf(e, "EMAIL"))));
        } finally {
            running.set(false);
            loop.get(60, TimeUnit.SECONDS);
            replica.shutdown();
        }

        for (String address : addresses) {
            assertThat(OutsideSystems.smtp().mailsTo(address)).as("mails to " + address).hasSize(1);
        }
    }
}
