package vn.motcua.delivery.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import vn.motcua.contracts.delivery.PostalOperatorMessages.Party;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.delivery.config.DeliveryConfig;
import vn.motcua.delivery.operator.OperatorOrders;
import vn.motcua.delivery.tariff.Tariffs;
import vn.motcua.delivery.waybill.WaybillAllocator;
import vn.motcua.messaging.inbox.PoisonEventException;
import vn.motcua.web.problem.CommonProblems;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Delivery orders: created from dossier events, handed to the operator, changed by officers. Owns the transaction. */
@ApplicationScoped
@Transactional
public class OrderService {

    private static final Logger LOG = Logger.getLogger(OrderService.class);

    @Inject
    DeliveryConfig config;
    @Inject
    WaybillAllocator waybills;
    @Inject
    OperatorOrders operator;
    @Inject
    DeliveryEventPublisher events;
    @Inject
    Tariffs tariffs;
    @Inject
    EntityManager entityManager;
    @Inject
    MeterRegistry meters;

    /** Action of an officer, for the audit trail. */
    public record Actor(String subject, String clientIp) {
    }

    /**
     * Creates the order for a dossier event, then dispatches it if a waybill number is free. A second event for the
     * same dossier and kind (a redelivery, or the dossier resolved again) creates nothing.
     *
     * @throws PoisonEventException when the order can never be made from this event (unknown agency, unroutable
     *                              address): it goes to the dead-letter topic with the reason, for a person to fix
     */
    public Optional<DeliveryOrder> create(NewOrder spec) {
        Optional<DeliveryOrder> existing = DeliveryOrder.byDossier(spec.dossierId(), spec.kind());
        if (existing.isPresent()) {
            LOG.infof("dossier %s already has a %s order %s: nothing to create", spec.dossierCode(), spec.kind(),
                    existing.get().id);
            return Optional.empty();
        }
        DeliveryConfig.Agency agency = config.agencies().get(spec.agencyCode());
        if (agency == null) {
            throw new PoisonEventException("agency " + spec.agencyCode() + " has no postal contract configured "
                    + "(motcua.delivery.agencies.\"" + spec.agencyCode() + "\".customer-code); dossier " + spec.dossierCode());
        }
        if (spec.applicantAddress() == null) {
            throw new PoisonEventException("dossier " + spec.dossierCode() + " asks for " + spec.kind() + " without an address");
        }
        Party applicantSide = Addresses.party(spec.applicantAddress(),
                spec.applicant() == null ? null : spec.applicant().fullName(),
                spec.applicant() == null ? null : spec.applicant().phone());
        List<String> problems = Addresses.problems(applicantSide);
        if (!problems.isEmpty()) {
            throw new PoisonEventException("address of dossier " + spec.dossierCode() + " cannot be routed: " + problems);
        }
        Party agencySide = new Party(agency.name(), agency.phone(), agency.street(), agency.communeCode(),
                agency.communeName(), agency.provinceCode(), agency.provinceName());
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);

        DeliveryOrder order = new DeliveryOrder();
        order.id = UUID.randomUUID();
        order.kind = spec.kind();
        order.dossierId = spec.dossierId();
        order.dossierCode = spec.dossierCode();
        order.procedureCode = spec.procedureCode();
        order.procedureName = spec.procedureName();
        order.dossierChannel = spec.channel();
        order.agencyCode = spec.agencyCode();
        order.customerCode = agency.customerCode();
        order.operatorCode = agency.operator();
        order.applicant = spec.applicant();
        order.applicantId = spec.applicant() == null || spec.applicant().id() == null ? "" : spec.applicant().id();
        order.sender = spec.kind() == DeliveryKind.RESULT_RETURN ? agencySide : applicantSide;
        order.receiver = spec.kind() == DeliveryKind.RESULT_RETURN ? applicantSide : agencySide;
        order.parcelDescription = describe(spec);
        order.createdAt = now;
        order.status = DeliveryStatus.WAITING_FOR_WAYBILL;
        order.statusChangedAt = now;
        tariffs.price(order);
        order.persist();
        new TimelineBuilder(order).system("CREATED", now, "order " + spec.kind() + " created, postal fee "
                + order.postalFeeVnd + " VND paid by " + order.feePaidBy);
        events.requested(order);
        if (!dispatch(order)) {
            new TimelineBuilder(order).system("WAITING_FOR_WAYBILL", now,
                    "no free waybill number for operator " + order.operatorCode);
        }
        return Optional.of(order);
    }

    /** Gives the order a waybill number and publishes it to the operator; false when no number is free. */
    boolean dispatch(DeliveryOrder order) {
        Optional<String> trackingNumber = waybills.allocate(order.operatorCode);
        if (trackingNumber.isEmpty()) {
            meters.counter("motcua.delivery.orders.waiting_for_waybill", "operator", order.operatorCode).increment();
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        order.trackingNumber = trackingNumber.get();
        order.dispatchedAt = now;
        order.changeStatus(DeliveryStatus.DISPATCHED, now);
        entityManager.flush(); // the unique tracking number is checked before anything is published
        operator.created(order);
        events.dispatched(order);
        new TimelineBuilder(order).system("DISPATCHED", now, "sent to " + order.operatorCode + " with waybill "
                + order.trackingNumber);
        return true;
    }

    /** Dispatches orders waiting for a waybill number of {@code operatorCode}, oldest first; returns how many. */
    public int dispatchWaiting(String operatorCode, int limit) {
        List<DeliveryOrder> waiting = DeliveryOrder.find("status = ?1 and operatorCode = ?2 order by createdAt",
                        DeliveryStatus.WAITING_FOR_WAYBILL, operatorCode)
                .withLock(LockModeType.PESSIMISTIC_WRITE).withHint("jakarta.persistence.lock.timeout", -2)
                .page(Page.ofSize(limit)).list();
        int dispatched = 0;
        for (DeliveryOrder order : waiting) {
            if (!dispatch(order)) {
                break;
            }
            dispatched++;
        }
        return dispatched;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> operatorsWithWaitingOrders() {
        return entityManager.createQuery("select distinct o.operatorCode from DeliveryOrder o where o.status = :s", String.class)
                .setParameter("s", DeliveryStatus.WAITING_FOR_WAYBILL).getResultList();
    }

    /** The applicant paid the postal fee online: nothing is collected in cash any more. */
    public void recordPrepayment(String dossierId, String paymentId, long amountVnd, OffsetDateTime paidAt) {
        entityManager.createNativeQuery("""
                        insert into postal_prepayment (dossier_id, payment_id, amount_vnd, paid_at) values (?1, ?2, ?3, ?4)
                        on conflict (dossier_id) do update set payment_id = excluded.payment_id,
                            amount_vnd = excluded.amount_vnd, paid_at = excluded.paid_at""")
                .setParameter(1, dossierId).setParameter(2, paymentId).setParameter(3, amountVnd)
                .setParameter(4, paidAt).executeUpdate();
        DeliveryOrder.byDossier(dossierId, DeliveryKind.RESULT_RETURN).ifPresent(order -> {
            if (order.status.terminal() || order.feePaidBy == FeePaidBy.PREPAID) {
                return;
            }
            order.feePaidBy = FeePaidBy.PREPAID;
            order.postalFeeVnd = amountVnd;
            order.cashOnDeliveryVnd = 0;
            OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
            new TimelineBuilder(order).system("FEE_PREPAID", now, "postal fee " + amountVnd + " VND paid online, payment "
                    + paymentId);
            if (order.trackingNumber != null) {
                operator.amended(order, "FEE_PREPAID", "postal fee paid online: collect nothing", now);
            }
        });
    }

    /**
     * A payment that named the postal line but is not the dossier's postal fee: nothing changes; the refusal goes to
     * the audit trail of the dossier's result order when there is one (the handler logs it in any case).
     */
    public void recordIgnoredPrepayment(String dossierId, String paymentId, String reason) {
        DeliveryOrder.byDossier(dossierId, DeliveryKind.RESULT_RETURN).ifPresent(order -> audit(order, "PREPAYMENT_IGNORED",
                new Actor("system:payment-events", null), reason.length() <= 1000 ? reason : reason.substring(0, 1000),
                null, "payment " + paymentId));
    }

    /**
     * The dossier ended before its parcels moved (withdrawn, refused, stopped): orders not yet picked up are
     * cancelled and the operator is told; parcels already on their way are left to the officers.
     */
    public int cancelForDossier(String dossierId, String reason) {
        List<DeliveryOrder> open = DeliveryOrder.find("dossierId = ?1", dossierId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        int cancelled = 0;
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        for (DeliveryOrder order : open) {
            if (!order.status.cancellable()) {
                continue;
            }
            DeliveryStatus previous = order.status;
            order.changeStatus(DeliveryStatus.CANCELLED, now);
            if (order.trackingNumber != null) {
                operator.cancelled(order, reason, now);
            }
            events.statusChanged(order, previous, null, null, reason, now);
            new TimelineBuilder(order).system("CANCELLED", now, reason);
            audit(order, "CANCEL", new Actor("system:dossier-events", null), reason, previous.name(),
                    DeliveryStatus.CANCELLED.name());
            cancelled++;
        }
        return cancelled;
    }

    // ---------------------------------------------------------------- reads

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<DeliveryOrder> find(UUID id, Viewer viewer) {
        return DeliveryOrder.<DeliveryOrder>findByIdOptional(id).filter(viewer::sees);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryOrder> byDossierCode(String dossierCode, Viewer viewer) {
        List<DeliveryOrder> orders = DeliveryOrder.list("dossierCode = ?1 order by createdAt", dossierCode);
        return orders.stream().filter(viewer::sees).toList();
    }

    public record Filter(DeliveryStatus status, DeliveryKind kind, String agencyCode, String dossierCode) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public vn.motcua.web.request.Page<DeliveryOrder> list(Filter filter, Viewer viewer,
                                                          vn.motcua.web.request.PageRequest page) {
        List<String> where = new ArrayList<>();
        java.util.Map<String, Object> parameters = new java.util.HashMap<>();
        if (viewer.admin()) {
            if (filter.agencyCode() != null) {
                where.add("agencyCode = :agency");
                parameters.put("agency", filter.agencyCode());
            }
        } else if (viewer.staff()) {
            where.add("agencyCode = :agency");
            parameters.put("agency", viewer.agencyCode());
        } else {
            where.add("applicantId = :applicant");
            parameters.put("applicant", viewer.subject());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.put("status", filter.status());
        }
        if (filter.kind() != null) {
            where.add("kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.dossierCode() != null) {
            where.add("dossierCode = :dossierCode");
            parameters.put("dossierCode", filter.dossierCode());
        }
        if (where.isEmpty()) {
            where.add("1 = 1"); // an administrator without filters
        }
        var query = DeliveryOrder.<DeliveryOrder>find(String.join(" and ", where),
                Sort.descending("createdAt").and("id"), parameters);
        long total = query.count();
        List<DeliveryOrder> items = query.page(Page.of(page.page(), page.size())).list();
        return new vn.motcua.web.request.Page<>(items, page.page(), page.size(), total);
    }

    // ---------------------------------------------------------------- officers' actions

    public DeliveryOrder cancel(UUID id, Viewer viewer, long version, String reason, Actor actor) {
        DeliveryOrder order = forChange(id, viewer, version);
        if (!order.status.cancellable()) {
            throw new CommonProblems.WrongState("CANCEL_NOT_ALLOWED", "order " + id + " is " + order.status
                    + ": it can be cancelled only before the operator picks it up");
        }
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        DeliveryStatus previous = order.status;
        order.changeStatus(DeliveryStatus.CANCELLED, now);
        if (order.trackingNumber != null) {
            operator.cancelled(order, reason, now);
        }
        events.statusChanged(order, previous, null, null, reason, now);
        new TimelineBuilder(order).officer("CANCELLED", DeliveryStatus.CANCELLED, now, actor.subject(), reason);
        audit(order, "CANCEL", actor, reason, previous.name(), DeliveryStatus.CANCELLED.name());
        return order;
    }

    public DeliveryOrder changeAddress(UUID id, Viewer viewer, long version, Party address, String reason, Actor actor) {
        DeliveryOrder order = forChange(id, viewer, version);
        if (!order.status.beforePickup()) {
            throw new CommonProblems.WrongState("ADDRESS_CHANGE_NOT_ALLOWED", "order " + id + " is " + order.status
                    + ": the address can be changed only before the parcel is picked up");
        }
        List<String> problems = Addresses.problems(address);
        if (!problems.isEmpty()) {
            throw new CommonProblems.InvalidInput("address", String.join("; ", problems));
        }
        Party before = order.applicantSide();
        if (order.kind == DeliveryKind.RESULT_RETURN) {
            order.receiver = address;
        } else {
            order.sender = address;
        }
        tariffs.price(order); // another province may cost another fee (unless it was prepaid)
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        if (order.trackingNumber != null) {
            operator.amended(order, "ADDRESS_CHANGED", reason, now);
        }
        new TimelineBuilder(order).officer("ADDRESS_CHANGED", null, now, actor.subject(), reason);
        audit(order, "ADDRESS_CHANGE", actor, reason, JsonColumns.write(before), JsonColumns.write(address));
        entityManager.flush();
        return order;
    }

    public DeliveryOrder requestRedelivery(UUID id, Viewer viewer, long version, String note, Actor actor) {
        DeliveryOrder order = forChange(id, viewer, version);
        if (order.status != DeliveryStatus.DELIVERY_FAILED) {
            throw new CommonProblems.WrongState("REDELIVERY_NOT_ALLOWED", "order " + id + " is " + order.status
                    + ": re-delivery can be requested only after a failed delivery attempt");
        }
        if (order.redeliveryRequestedAt != null && !order.redeliveryRequestedAt.isBefore(order.statusChangedAt)) {
            throw new CommonProblems.WrongState("REDELIVERY_ALREADY_REQUESTED", "re-delivery of order " + id
                    + " was already requested at " + order.redeliveryRequestedAt);
        }
        OffsetDateTime now = OffsetDateTime.now(CloudEventCodec.ZONE);
        order.redeliveryRequestedAt = now;
        operator.redeliveryRequested(order, note, now);
        new TimelineBuilder(order).officer("REDELIVERY_REQUESTED", null, now, actor.subject(), note);
        audit(order, "REDELIVERY_REQUEST", actor, note, null, "attempt " + (order.attempts + 1));
        entityManager.flush();
        return order;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditView> audit(UUID id, Viewer viewer) {
        find(id, viewer).orElseThrow(() -> new CommonProblems.NotFound("Delivery order", id.toString()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select action, actor, client_ip, reason, before_json, after_json, at from delivery_audit
                        where order_id = ?1 order by id""").setParameter(1, id).getResultList();
        return rows.stream().map(r -> new AuditView((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], toOffset(r[6]))).toList();
    }

    public record AuditView(String action, String actor, String clientIp, String reason, String before, String after,
                            OffsetDateTime at) {
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.atZoneSameInstant(CloudEventCodec.ZONE).toOffsetDateTime();
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atZone(CloudEventCodec.ZONE).toOffsetDateTime();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant().atZone(CloudEventCodec.ZONE).toOffsetDateTime();
        }
        return null;
    }

    private DeliveryOrder forChange(UUID id, Viewer viewer, long version) {
        DeliveryOrder order = DeliveryOrder.<DeliveryOrder>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(viewer::sees)
                .orElseThrow(() -> new CommonProblems.NotFound("Delivery order", id.toString()));
        if (order.version != version) {
            throw new CommonProblems.VersionConflict("Delivery order " + id, version, order.version);
        }
        return order;
    }

    private void audit(DeliveryOrder order, String action, Actor actor, String reason, String before, String after) {
        entityManager.createNativeQuery("""
                        insert into delivery_audit (order_id, action, actor, client_ip, reason, before_json, after_json)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, order.id).setParameter(2, action).setParameter(3, actor.subject())
                .setParameter(4, actor.clientIp()).setParameter(5, reason).setParameter(6, before)
                .setParameter(7, after).executeUpdate();
    }

    private static String describe(NewOrder spec) {
        String what = spec.kind() == DeliveryKind.RESULT_RETURN ? "Kết quả giải quyết TTHC" : "Hồ sơ giấy TTHC";
        String text = what + " " + (spec.procedureName() == null ? "" : spec.procedureName())
                + " - hồ sơ " + spec.dossierCode();
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
