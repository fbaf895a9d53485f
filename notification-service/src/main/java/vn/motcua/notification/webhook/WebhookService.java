package vn.motcua.notification.webhook;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.notification.message.DeliveryStatus;
import vn.motcua.notification.message.Times;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions (admin): create, change, pause/resume, delivery log, re-send. */
@ApplicationScoped
@Transactional
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;
    @Inject
    WebhookDestinations destinations;
    @Inject
    WebhookSecrets secrets;

    public record Created(WebhookSubscription subscription, String secret) {
    }

    public record Attempt(OffsetDateTime attemptedAt, Integer responseStatus, String outcome, String error, int durationMs) {
    }

    public record DeliveryLog(WebhookDelivery delivery, List<Attempt> attempts) {
    }

    public Created create(String name, String url, List<String> eventTypes, Optional<String> secret, String actor) {
        destinations.checkRegistrable(url);
        validate(eventTypes);
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.name = name;
        s.url = url;
        s.eventTypes = String.join(",", eventTypes);
        String plain = secret.orElseGet(WebhookService::newSecret);
        SecretBox.Sealed sealed = secrets.seal(plain, s.id.toString());
        s.secret = sealed.ciphertext();
        s.secretKeyId = sealed.keyId();
        s.status = WebhookSubscription.Status.ACTIVE.name();
        s.createdBy = actor;
        s.createdAt = now;
        s.updatedAt = now;
        s.persist();
        entityManager.flush();
        return new Created(s, plain);
    }

    /** The plain secret of a subscription (to repeat the creation answer to an idempotent replay). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> secretOf(String id) {
        return parse(id).map(uuid -> WebhookSubscription.<WebhookSubscription>findById(uuid)).flatMap(secrets::open);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookSubscription> list() {
        return WebhookSubscription.listAll(Sort.by("createdAt").and("id"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookSubscription get(String id) {
        return find(id);
    }

    /** Changes URL, filter or status; resuming clears the failure count. 409 on a stale version. */
    public WebhookSubscription update(String id, Optional<String> url, Optional<List<String>> eventTypes,
                                      Optional<WebhookSubscription.Status> status, long expectedVersion) {
        WebhookSubscription s = find(id);
        if (s.version != expectedVersion) {
            throw new CommonProblems.VersionConflict("Webhook subscription " + id, expectedVersion, s.version);
        }
        url.ifPresent(destinations::checkRegistrable);
        eventTypes.ifPresent(WebhookService::validate);
        url.ifPresent(u -> s.url = u);
        eventTypes.ifPresent(t -> s.eventTypes = String.join(",", t));
        status.ifPresent(st -> {
            if (st == WebhookSubscription.Status.ACTIVE) {
                s.consecutiveFailures = 0;
                s.pausedReason = null;
            } else if (!st.name().equals(s.status)) {
                s.pausedReason = "paused by an administrator";
            }
            s.status = st.name();
        });
        s.updatedAt = OffsetDateTime.now(CloudEventCodec.ZONE);
        entityManager.flush();
        return s;
    }

    public void delete(String id) {
        find(id).delete();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeliveryLog> deliveries(String subscriptionId, Optional<DeliveryStatus> status, PageRequest page) {
        WebhookSubscription s = find(subscriptionId);
        var query = status.isPresent()
                ? WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1 and status = ?2", Sort.descending("createdAt").and("id"), s.id, status.get())
                : WebhookDelivery.<WebhookDelivery>find("subscriptionId = ?1", Sort.descending("createdAt").and("id"), s.id);
        List<DeliveryLog> items = new ArrayList<>();
        for (WebhookDelivery d : query.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list()) {
            items.add(new DeliveryLog(d, attempts(d.id)));
        }
        return new Page<>(items, page.page(), page.size(), query.count());
    }

    /** Sends a delivery again (delivered or dead-lettered alike): fresh attempts, due now. */
    public DeliveryLog resend(String subscriptionId, String deliveryId) {
        WebhookSubscription s = find(subscriptionId);
        WebhookDelivery d = parse(deliveryId).map(uuid -> WebhookDelivery.<WebhookDelivery>findById(uuid))
                .filter(x -> x.subscriptionId.equals(s.id))
                .orElseThrow(() -> new CommonProblems.NotFound("Webhook delivery", deliveryId));
        if (d.status == DeliveryStatus.SENDING) {
            throw new CommonProblems.WrongState("WEBHOOK_DELIVERY_IN_FLIGHT", "Delivery " + deliveryId + " is being sent right now");
        }
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        d.status = DeliveryStatus.QUEUED;
        d.attempts = 0;
        d.deadLetteredAt = null;
        d.nextAttemptAt = now;
        d.updatedAt = now;
        return new DeliveryLog(d, attempts(d.id));
    }

    @SuppressWarnings("unchecked")
    private List<Attempt> attempts(UUID deliveryId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select attempted_at, response_status, outcome, error, duration_ms from webhook_attempt
                        where delivery_id = ?1 order by id""")
                .setParameter(1, deliveryId).getResultList();
        return rows.stream().map(r -> new Attempt(Times.local(toTime(r[0])), r[1] == null ? null : ((Number) r[1]).intValue(),
                (String) r[2], (String) r[3], ((Number) r[4]).intValue())).toList();
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        return null;
    }

    private static WebhookSubscription find(String id) {
        return parse(id).map(uuid -> WebhookSubscription.<WebhookSubscription>findById(uuid))
                .orElseThrow(() -> new CommonProblems.NotFound("Webhook subscription", id));
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void validate(List<String> eventTypes) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            throw new CommonProblems.InvalidInput("eventTypes", "must name at least one event type, or '*'");
        }
        for (int i = 0; i < eventTypes.size(); i++) {
            String type = eventTypes.get(i);
            if (!WebhookSubscription.ALL_TYPES.equals(type) && !WebhookFanOut.EVENT_TYPES.contains(type)) {
                throw new CommonProblems.InvalidInput("eventTypes[" + i + "]", "'" + type + "' is not a platform event type");
            }
        }
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
