package vn.motcua.payment.payment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.payment.config.PaymentConfig;
import vn.motcua.payment.obligation.Obligation;
import vn.motcua.payment.provider.NotificationVerdict;
import vn.motcua.payment.provider.PaymentProvider;
import vn.motcua.payment.provider.PaymentProvider.ProviderNotice;
import vn.motcua.payment.provider.ProviderCode;
import vn.motcua.payment.provider.ProviderUnavailableException;
import vn.motcua.payment.provider.Providers;
import vn.motcua.payment.provider.SelfUrl;
import vn.motcua.payment.receipt.Receipt;
import vn.motcua.payment.receipt.ReceiptService;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.request.Page;
import vn.motcua.web.request.PageRequest;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Owns the payment lifecycle: starting a payment at a provider, applying verified provider notifications and query
 * answers, timing out and expiring, all audited and with their events in the same transaction.
 */
@ApplicationScoped
@Transactional
public class PaymentService {

    @Inject
    vn.motcua.payment.notification.RejectedNotifications rejectedNotifications;

    private static final Logger LOG = Logger.getLogger(PaymentService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    @Inject
    EntityManager em;
    @Inject
    PaymentConfig config;
    @Inject
    Providers providers;
    @Inject
    SelfUrl self;
    @Inject
    PaymentAudit audit;
    @Inject
    PaymentEventsPublisher events;
    @Inject
    ReceiptService receipts;

    /** Who may see what: a citizen their own payments, an officer or leader their agency's, an admin all. */
    public record Viewer(String subject, boolean admin, Optional<String> agency) {
        public static Viewer citizen(String subject) {
            return new Viewer(subject, false, Optional.empty());
        }

        boolean sees(Obligation obligation) {
            if (admin) {
                return true;
            }
            return agency.map(a -> a.equals(obligation.agencyCode)).orElseGet(() -> subject.equals(obligation.payerId));
        }
    }

    // ---------------------------------------------------------------- creation (from the obligation)

    /** The first payment of a new obligation, CREATED, announced by a REQUESTED event. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Payment open(Obligation obligation, OffsetDateTime now) {
        Payment payment = newAttempt(obligation, 1, now);
        events.requested(payment, obligation, now);
        return payment;
    }

    private Payment newAttempt(Obligation obligation, int attempt, OffsetDateTime now) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID().toString();
        payment.obligationId = obligation.id;
        payment.attempt = attempt;
        payment.reference = newReference();
        payment.status = PaymentStatus.CREATED.name();
        payment.amountVnd = obligation.amountVnd;
        payment.currency = "VND";
        payment.createdAt = now;
        payment.persist();
        audit.record(payment.id, null, PaymentStatus.CREATED, "system", "obligation " + obligation.id + " attempt " + attempt);
        return payment;
    }

    /** 12 characters from an unambiguous alphabet: a provider order reference that is not guessable. */
    static String newReference() {
        char[] chars = new char[12];
        chars[0] = 'P';
        for (int i = 1; i < chars.length; i++) {
            chars[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }

    // ---------------------------------------------------------------- reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PaymentView> find(String id, Viewer viewer) {
        return Optional.ofNullable(Payment.<Payment>findById(id)).flatMap(p -> {
            Obligation o = Obligation.findById(p.obligationId);
            return viewer.sees(o) ? Optional.of(view(p, o)) : Optional.empty();
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PaymentView> list(Viewer viewer, Optional<PaymentStatus> status, Optional<String> dossierCode, PageRequest page) {
        StringBuilder where = new StringBuilder("from Payment p, Obligation o where o.id = p.obligationId");
        Map<String, Object> params = new HashMap<>();
        if (!viewer.admin()) {
            if (viewer.agency().isPresent()) {
                where.append(" and o.agencyCode = :agency");
                params.put("agency", viewer.agency().get());
            } else {
                where.append(" and o.payerId = :payer");
                params.put("payer", viewer.subject());
            }
        }
        status.ifPresent(s -> {
            where.append(" and p.status = :status");
            params.put("status", s.name());
        });
        dossierCode.ifPresent(c -> {
            where.append(" and o.dossierCode = :code");
            params.put("code", c);
        });
        var count = em.createQuery("select count(p) " + where, Long.class);
        var select = em.createQuery("select p, o " + where + " order by p.createdAt desc, p.id", Object[].class);
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            select.setParameter(k, v);
        });
        List<Object[]> rows = select.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        Map<String, String> receipts = receiptNumbers(rows.stream().map(r -> ((Payment) r[0]).id).toList());
        List<PaymentView> items = rows.stream()
                .map(r -> view((Payment) r[0], (Obligation) r[1], receipts.get(((Payment) r[0]).id))).toList();
        return new Page<>(items, page.page(), page.size(), count.getSingleResult());
    }

    /** The receipt numbers of a page of payments in one query, not one per payment. */
    private Map<String, String> receiptNumbers(List<String> paymentIds) {
        Map<String, String> numbers = new HashMap<>();
        if (!paymentIds.isEmpty()) {
            em.createQuery("select r.paymentId, r.receiptNumber from Receipt r where r.paymentId in :ids", Object[].class)
                    .setParameter("ids", paymentIds).getResultList()
                    .forEach(r -> numbers.put((String) r[0], (String) r[1]));
        }
        return numbers;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PaymentAudit.Entry> history(String id, Viewer viewer) {
        return find(id, viewer).map(v -> audit.of(id)).orElseThrow(() -> new CommonProblems.NotFound("payment", id));
    }

    PaymentView view(Payment p, Obligation o) {
        return view(p, o, Receipt.<Receipt>find("paymentId", p.id).firstResultOptional().map(r -> r.receiptNumber).orElse(null));
    }

    private static PaymentView view(Payment p, Obligation o, String receiptNumber) {
        PaymentStatus status = p.statusValue();
        return new PaymentView(p.id, p.obligationId, p.attempt, p.reference, o.dossierId, o.dossierCode, o.procedureCode,
                o.procedureName, o.agencyCode, o.agencyName, status, p.amountVnd, p.currency, p.refundedVnd, o.fees,
                p.provider, p.providerTransactionId, status == PaymentStatus.PENDING ? p.redirectUrl : null, receiptNumber,
                o.expiresAt, p.createdAt, p.startedAt, p.settledAt, p.failureReason, p.late, p.version);
    }

    /** A misconfigured list of return origins stops the start-up, rather than every checkout later. */
    void checkReturnOrigins(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
        new ReturnOrigins(config.allowedReturnUrls());
    }

    // ---------------------------------------------------------------- checkout

    public record CheckoutCommand(ProviderCode provider, String returnUrl, String clientIp) {
    }

    /**
     * Starts paying: the CREATED payment itself, or a new attempt after a failed or cancelled one. The provider is
     * called inside the transaction, so a provider failure leaves nothing behind.
     */
    public PaymentView checkout(String paymentId, String payerId, CheckoutCommand command, OffsetDateTime now) {
        if (!new ReturnOrigins(config.allowedReturnUrls()).allows(command.returnUrl())) {
            throw new PaymentProblems.ReturnUrlNotAllowed();
        }
        Payment given = Payment.findById(paymentId);
        Obligation obligation = given == null ? null : em.find(Obligation.class, given.obligationId, LockModeType.PESSIMISTIC_WRITE);
        if (obligation == null || !obligation.payerId.equals(payerId)) {
            throw new CommonProblems.NotFound("payment", paymentId);
        }
        em.refresh(given);
        if (obligation.statusValue() == Obligation.Status.PAID) {
            throw new PaymentProblems.AlreadyPaid(obligation.dossierCode);
        }
        if (obligation.statusValue() == Obligation.Status.EXPIRED || !now.isBefore(obligation.expiresAt)) {
            throw new PaymentProblems.WindowClosed(obligation.dossierCode);
        }
        Optional<Payment> open = Payment.<Payment>find("obligationId = ?1 and status in ('CREATED', 'PENDING')", obligation.id)
                .firstResultOptional();
        Payment target;
        if (open.isPresent() && open.get().statusValue() == PaymentStatus.CREATED) {
            target = open.get();
        } else if (open.isPresent()) {
            throw new PaymentProblems.PaymentInProgress(open.get().id);
        } else {
            int attempts = ((Number) em.createQuery("select max(p.attempt) from Payment p where p.obligationId = :o")
                    .setParameter("o", obligation.id).getSingleResult()).intValue();
            target = newAttempt(obligation, attempts + 1, now);
        }
        PaymentProvider provider = providers.get(command.provider());
        String base = self.base() + "/api/v1/payments/callbacks/" + command.provider().name().toLowerCase();
        PaymentProvider.Checkout checkout = provider.checkout(new PaymentProvider.CheckoutOrder(target.id, target.reference,
                obligation.dossierCode, target.amountVnd, obligation.fees,
                "Thanh toán phí, lệ phí hồ sơ " + obligation.dossierCode, base + "/return", base + "/notify", now,
                earliest(obligation.expiresAt, now.plus(config.attemptTimeout())), command.clientIp()));
        target.provider = command.provider().name();
        target.providerTransactionId = checkout.providerTransactionId();
        target.redirectUrl = checkout.redirectUrl();
        target.returnUrl = command.returnUrl();
        target.startedAt = now;
        move(target, PaymentStatus.PENDING, "payer:" + payerId, "redirected to " + command.provider());
        return view(target, obligation);
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    /** Applies an allowed transition and audits it; a disallowed one is a programming error surfaced as 409. */
    public void move(Payment payment, PaymentStatus to, String actor, String reason) {
        PaymentStatus from = payment.statusValue();
        if (!from.canBecome(to)) {
            throw new IllegalTransitionException(payment.id, from, to);
        }
        payment.status = to.name();
        audit.record(payment.id, from, to, actor, reason);
    }

    // ---------------------------------------------------------------- notifications

    public record NotificationResult(NotificationVerdict verdict, String paymentId, String detail) {
    }

    /**
     * Verifies and applies a provider's server-to-server notification. Signature, merchant, reference, currency and
     * amount are all checked before anything changes; every notification is logged with its verdict.
     */
    public NotificationResult applyNotification(ProviderCode code, Map<String, String> fields, String payload) {
        PaymentProvider provider = providers.get(code);
        ProviderNotice notice;
        try {
            notice = provider.read(fields);
        } catch (PaymentProvider.NoticeRejected e) {
            return log(code, fields.get(code == ProviderCode.GATEWAY ? "vnp_TxnRef" : "requestId"), null, null,
                    e.verdict(), e.getMessage(), payload);
        }
        Payment payment = Payment.<Payment>find("reference", notice.reference()).firstResultOptional().orElse(null);
        if (payment == null) {
            return log(code, notice.reference(), notice.providerTransactionId(), null,
                    NotificationVerdict.REJECTED_UNKNOWN_REFERENCE, "no payment has this reference", payload);
        }
        Obligation obligation = em.find(Obligation.class, payment.obligationId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
        if (!code.name().equals(payment.provider)
                || (notice.orderReference() != null && !notice.orderReference().equals(obligation.dossierCode))) {
            return log(code, notice.reference(), notice.providerTransactionId(), payment.id,
                    NotificationVerdict.REJECTED_UNKNOWN_REFERENCE, "the payment was not started with this provider and order", payload);
        }
        if (!"VND".equals(notice.currency())) {
            return log(code, notice.reference(), notice.providerTransactionId(), payment.id,
                    NotificationVerdict.REJECTED_CURRENCY, "currency '" + notice.currency() + "' is not VND", payload);
        }
        if (notice.amountVnd() != payment.amountVnd) {
            return log(code, notice.reference(), notice.providerTransactionId(), payment.id, NotificationVerdict.REJECTED_AMOUNT,
                    "amount " + notice.amountVnd() + " differs from the payment's " + payment.amountVnd, payload);
        }
        String actor = "provider:" + code;
        NotificationVerdict verdict = settle(payment, obligation, notice.outcome(), notice.providerTransactionId(),
                notice.responseCode(), actor);
        return log(code, notice.reference(), notice.providerTransactionId(), payment.id, verdict,
                "outcome " + notice.outcome() + " (code " + notice.responseCode() + ")", payload);
    }

    /**
     * The one place where a provider's word changes a payment (from a notification or a query answer). Deterministic
     * for duplicates and late arrivals:
     * <ul>
     * <li>success on PENDING → SUCCEEDED; on FAILED / CANCELLED / EXPIRED → SUCCEEDED marked late (the money was taken;
     * keeping the record straight beats pretending it did not happen); on a paid payment → DUPLICATE, no change;</li>
     * <li>failure or cancellation on PENDING → FAILED / CANCELLED; the same again → DUPLICATE; on any other final
     * status → IGNORED_FINAL (a success is never undone by a later failure message).</li>
     * </ul>
     */
    NotificationVerdict settle(Payment payment, Obligation obligation, PaymentProvider.Outcome outcome,
                               String providerTransactionId, String responseCode, String actor) {
        PaymentStatus status = payment.statusValue();
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        switch (outcome) {
            case SUCCEEDED -> {
                if (status.isPaid()) {
                    return NotificationVerdict.DUPLICATE;
                }
                if (status == PaymentStatus.CREATED) {
                    return NotificationVerdict.REJECTED_MALFORMED;
                }
                boolean late = status.isUnpaidEnd();
                payment.providerTransactionId = providerTransactionId;
                payment.settledAt = now;
                payment.late = late;
                payment.failureReason = null;
                boolean obligationAlreadyPaid = obligation.statusValue() == Obligation.Status.PAID;
                move(payment, PaymentStatus.SUCCEEDED, actor, (late ? "late success after " + status : "success")
                        + ", provider transaction " + providerTransactionId
                        + (obligationAlreadyPaid ? "; DUPLICATE PAYMENT of an obligation already paid: refund it" : ""));
                Receipt receipt = receipts.issue(payment, obligation);
                if (!obligationAlreadyPaid) {
                    obligation.status = Obligation.Status.PAID.name();
                    events.succeeded(payment, obligation, receipt.receiptNumber);
                } else {
                    // the fee was paid twice (a timed-out attempt completed after another one succeeded): the second
                    // payment is put up for a full refund, which a leader of the agency approves
                    LOG.warnf("payment %s paid obligation %s a second time; full refund awaiting approval", payment.id, obligation.id);
                    vn.motcua.payment.refund.Refund refund = new vn.motcua.payment.refund.Refund();
                    refund.id = UUID.randomUUID().toString();
                    refund.paymentId = payment.id;
                    refund.amountVnd = payment.amountVnd;
                    refund.status = vn.motcua.payment.refund.Refund.Status.AWAITING_APPROVAL.name();
                    refund.reason = "DUPLICATE_PAYMENT: the obligation was already paid";
                    refund.requestedBy = "system";
                    refund.requestedAt = now;
                    refund.persist();
                    move(payment, PaymentStatus.REFUND_REQUESTED, "system", "refund " + refund.id + " of the duplicate payment requested");
                }
                return late ? NotificationVerdict.LATE_ACCEPTED : NotificationVerdict.ACCEPTED;
            }
            case FAILED, CANCELLED -> {
                PaymentStatus target = outcome == PaymentProvider.Outcome.FAILED ? PaymentStatus.FAILED : PaymentStatus.CANCELLED;
                if (status == target) {
                    return NotificationVerdict.DUPLICATE;
                }
                if (status != PaymentStatus.PENDING) {
                    return NotificationVerdict.IGNORED_FINAL;
                }
                payment.providerTransactionId = providerTransactionId;
                payment.failureReason = (target == PaymentStatus.CANCELLED ? "CANCELLED_BY_PAYER" : "DECLINED") + " (provider code " + responseCode + ")";
                payment.settledAt = now;
                move(payment, target, actor, payment.failureReason);
                events.failed(payment, obligation, payment.failureReason, now);
                return NotificationVerdict.ACCEPTED;
            }
            default -> {
                return NotificationVerdict.REJECTED_MALFORMED;
            }
        }
    }

    /**
     * Records a notification and our verdict. One whose signature did not verify is not the provider's word (the
     * endpoints are public): it is counted and sampled into an expiring table. Everything the provider signed goes to
     * the append-only {@code provider_notification}, the trail for disputes.
     */
    private NotificationResult log(ProviderCode provider, String reference, String transactionId, String paymentId,
                                   NotificationVerdict verdict, String detail, String payload) {
        if (verdict.rejected()) {
            LOG.warnf("provider notification from %s for reference %s REJECTED: %s (%s)", provider,
                    vn.motcua.payment.LogSafe.text(reference), verdict, vn.motcua.payment.LogSafe.text(detail));
        }
        if (verdict == NotificationVerdict.REJECTED_SIGNATURE) {
            rejectedNotifications.record(provider, reference, verdict, detail, payload);
            return new NotificationResult(verdict, null, detail);
        }
        em.createNativeQuery("""
                        insert into provider_notification (provider, reference, provider_transaction_id, payment_id, verdict, detail, payload)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, provider.name()).setParameter(2, cut(reference, 100)).setParameter(3, cut(transactionId, 100))
                .setParameter(4, paymentId).setParameter(5, verdict.name()).setParameter(6, cut(detail, 1000))
                .setParameter(7, cut(payload, 20_000)).executeUpdate();
        return new NotificationResult(verdict, paymentId, detail);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Payment> byReference(String reference) {
        return Payment.find("reference", reference).firstResultOptional();
    }

    // ---------------------------------------------------------------- scheduled work

    /** PENDING payments due for a query: ids only, each is then settled in its own transaction. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> pendingDueForQuery(OffsetDateTime now, int limit) {
        OffsetDateTime before = now.minus(config.queryPendingAfter());
        return em.createQuery("""
                        select p.id from Payment p where p.status = 'PENDING' and p.startedAt < :before
                        and (p.lastQueriedAt is null or p.lastQueriedAt < :before) order by p.startedAt""", String.class)
                .setParameter("before", before).setMaxResults(limit).getResultList();
    }

    /** What to ask a provider about a PENDING payment: read without locks, asked outside any transaction. */
    private record Question(String paymentId, ProviderCode provider, PaymentProvider.QueryOrder order) {
    }

    private Optional<Question> question(Payment payment, Obligation obligation) {
        if (payment == null || payment.statusValue() != PaymentStatus.PENDING || payment.provider == null) {
            return Optional.empty();
        }
        return Optional.of(new Question(payment.id, ProviderCode.valueOf(payment.provider), new PaymentProvider.QueryOrder(
                payment.reference, obligation.dossierCode, payment.providerTransactionId, payment.startedAt)));
    }

    private PaymentProvider.ProviderStatus ask(Question question) {
        return providers.get(question.provider()).query(question.order());
    }

    /**
     * Asks the provider about one PENDING payment and settles it: read in one transaction, ask the provider outside
     * any transaction (a slow provider holds no row lock and no connection), then settle in another under the locks —
     * obligation, then payment, the same order as checkout, notifications, refunds and expiry, so they never
     * deadlock. If the payment changed meanwhile (a notification settled it) the answer is not applied. A payment
     * still unpaid after the attempt timeout is FAILED (TIMEOUT) so the applicant can try again; the provider's late
     * success would still be accepted.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Optional<PaymentStatus> queryAndSettle(String paymentId, OffsetDateTime now) {
        Optional<Question> question = QuarkusTransaction.requiringNew().call(() -> {
            Payment payment = Payment.findById(paymentId);
            return payment == null ? Optional.<Question>empty()
                    : question(payment, em.find(Obligation.class, payment.obligationId));
        });
        if (question.isEmpty()) {
            return Optional.empty();
        }
        PaymentProvider.ProviderStatus answer = ask(question.get());
        return QuarkusTransaction.requiringNew().call(() -> {
            Payment payment = Payment.findById(paymentId);
            Obligation obligation = em.find(Obligation.class, payment.obligationId, LockModeType.PESSIMISTIC_WRITE);
            em.refresh(payment, LockModeType.PESSIMISTIC_WRITE);
            if (payment.statusValue() == PaymentStatus.PENDING) {
                applyAnswer(payment, obligation, question.get().provider(), answer, now);
            }
            return Optional.of(payment.statusValue());
        });
    }

    private void applyAnswer(Payment payment, Obligation obligation, ProviderCode code, PaymentProvider.ProviderStatus answer,
                             OffsetDateTime now) {
        payment.lastQueriedAt = now;
        String actor = "query:" + code;
        switch (answer.outcome()) {
            case SUCCEEDED, FAILED, CANCELLED -> {
                if (answer.outcome() == PaymentProvider.Outcome.SUCCEEDED
                        && (answer.amountVnd() != payment.amountVnd || !"VND".equals(answer.currency()))) {
                    LOG.errorf("provider %s reports payment %s paid with %d %s instead of %d VND: left PENDING for review",
                            code, payment.id, answer.amountVnd(), vn.motcua.payment.LogSafe.text(answer.currency()), payment.amountVnd);
                    return;
                }
                settle(payment, obligation, answer.outcome(), answer.providerTransactionId(), answer.code(), actor);
            }
            case PENDING, NOT_FOUND -> {
                if (payment.startedAt.plus(config.attemptTimeout()).isBefore(now)) {
                    payment.failureReason = "TIMEOUT (provider reports " + answer.outcome() + ")";
                    payment.settledAt = now;
                    move(payment, PaymentStatus.FAILED, actor, payment.failureReason);
                    events.failed(payment, obligation, payment.failureReason, now);
                }
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> obligationsDueForExpiry(OffsetDateTime now, int limit) {
        return em.createQuery("select o.id from Obligation o where o.status = 'OPEN' and o.expiresAt <= :now order by o.expiresAt",
                String.class).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    /**
     * Expires an obligation whose payment window has passed. An open PENDING payment is first queried at its
     * provider, outside any transaction (if paid there, it is settled instead of expired); if the provider cannot be
     * reached it expires anyway, since a late success is still accepted afterwards.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean expire(String obligationId, OffsetDateTime now) {
        Optional<Question> question = QuarkusTransaction.requiringNew().call(() -> {
            Obligation obligation = em.find(Obligation.class, obligationId);
            if (obligation == null || obligation.statusValue() != Obligation.Status.OPEN || obligation.expiresAt.isAfter(now)) {
                return Optional.<Question>empty();
            }
            return Payment.<Payment>find("obligationId = ?1 order by attempt desc", obligationId).firstResultOptional()
                    .flatMap(latest -> question(latest, obligation));
        });
        PaymentProvider.ProviderStatus answer = null;
        if (question.isPresent()) {
            try {
                answer = ask(question.get());
            } catch (ProviderUnavailableException e) {
                LOG.warnf("expiring payment %s without a final answer from its provider: %s", question.get().paymentId(),
                        e.getMessage());
            }
        }
        PaymentProvider.ProviderStatus known = answer;
        return QuarkusTransaction.requiringNew().call(() -> expireLocked(obligationId, question, known, now));
    }

    private boolean expireLocked(String obligationId, Optional<Question> question, PaymentProvider.ProviderStatus answer,
                                 OffsetDateTime now) {
        Obligation obligation = em.find(Obligation.class, obligationId, LockModeType.PESSIMISTIC_WRITE);
        if (obligation == null || obligation.statusValue() != Obligation.Status.OPEN || obligation.expiresAt.isAfter(now)) {
            return false;
        }
        List<Payment> attempts = em.createQuery("select p from Payment p where p.obligationId = :o order by p.attempt desc", Payment.class)
                .setParameter("o", obligationId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        Payment latest = attempts.get(0);
        if (latest.statusValue() == PaymentStatus.PENDING && answer != null && question.isPresent()
                && question.get().paymentId().equals(latest.id)) {
            applyAnswer(latest, obligation, question.get().provider(), answer, now);
            if (obligation.statusValue() == Obligation.Status.PAID) {
                return false;
            }
        }
        if (latest.statusValue().isOpen()) {
            latest.settledAt = now;
            move(latest, PaymentStatus.EXPIRED, "system", "payment window closed at " + obligation.expiresAt);
        }
        obligation.status = Obligation.Status.EXPIRED.name();
        events.expired(latest, obligation, now);
        return true;
    }
}
