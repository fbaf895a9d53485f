package vn.motcua.dossier.tracking;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.dossier.common.DossierConfig;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Failed attempts to track a dossier by code and phone number, counted per code in the service's database (shared by
 * all its instances). A phone number has few unknown digits, so after {@code max-failures} wrong guesses in a window the
 * code is locked for the phone factor until the window ends; the tracking secret (high entropy) still works. Per-client
 * limits are the gateway's (the {@code tracking} rate limit, in Redis).
 */
@ApplicationScoped
public class TrackingAttempts {

    @Inject
    EntityManager em;

    @Inject
    DossierConfig config;

    /** Seconds until the code's phone factor is usable again, when locked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Long> lockedFor(String code) {
        Duration window = config.tracking().lockWindow();
        List<?> rows = em.createNativeQuery("""
                        select cast(extract(epoch from (window_started_at + cast(:window as interval) - now())) as bigint)
                        from tracking_failure
                        where code = :code and failures >= :max and window_started_at > now() - cast(:window as interval)""")
                .setParameter("code", code).setParameter("max", config.tracking().maxFailures()).setParameter("window", window.toSeconds() + " seconds")
                .getResultList();
        return rows.stream().findFirst().map(n -> Math.max(1, ((Number) n).longValue()));
    }

    /** Counts a wrong guess; a new window starts when the previous one has ended. Committed even though the request fails. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String code) {
        Duration window = config.tracking().lockWindow();
        em.createNativeQuery("""
                        insert into tracking_failure (code, window_started_at, failures) values (:code, now(), 1)
                        on conflict (code) do update set
                          failures = case when tracking_failure.window_started_at <= now() - cast(:window as interval)
                                          then 1 else tracking_failure.failures + 1 end,
                          window_started_at = case when tracking_failure.window_started_at <= now() - cast(:window as interval)
                                          then now() else tracking_failure.window_started_at end""")
                .setParameter("code", code).setParameter("window", window.toSeconds() + " seconds").executeUpdate();
    }

    /** Expired windows are forgotten, so guessing at made-up codes cannot grow the table without bound. */
    @Scheduled(every = "${motcua.dossier.tracking.cleanup-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpiredWindows() {
        em.createNativeQuery("delete from tracking_failure where window_started_at <= :cutoff")
                .setParameter("cutoff", OffsetDateTime.now(ZoneOffset.UTC).minus(config.tracking().lockWindow())).executeUpdate();
    }
}
