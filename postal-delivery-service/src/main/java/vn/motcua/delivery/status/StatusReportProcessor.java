package vn.motcua.delivery.status;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.delivery.PostalOperatorMessages.StatusReport;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.delivery.operator.OperatorOrders;
import vn.motcua.delivery.order.DeliveryEventPublisher;
import vn.motcua.delivery.order.DeliveryOrder;
import vn.motcua.delivery.order.DeliveryStatus;
import vn.motcua.delivery.order.TimelineEntry;
import vn.motcua.delivery.waybill.S10;
import vn.motcua.web.problem.Problem;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one handler of operator status reports, whichever path they came by (REST batch or Kafka topic): validates,
 * checks the order belongs to the reporting operator, drops duplicates by report id, applies the status rules,
 * writes the timeline and publishes our events — all in the caller's transaction, with the order row locked so
 * that two reports of one parcel arriving at once (one per path) are applied one after the other.
 */
@ApplicationScoped
public class StatusReportProcessor {

    public enum Channel { REST, KAFKA }

    private static final Pattern REPORT_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,100}");
    private static final Pattern OPERATOR_CODE = Pattern.compile("[A-Z0-9_]{2,32}");
    /** Clocks differ a little; a report from further in the future than this is a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    @Inject
    EntityManager entityManager;
    @Inject
    DeliveryEventPublisher events;
    @Inject
    OperatorOrders operator;
    @Inject
    MeterRegistry meters;

    /**
     * @param authenticatedOperator the operator of the REST caller's token; null on Kafka, where the report names it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ReportResult process(String authenticatedOperator, StatusReport report, Channel channel) {
        String operatorCode = authenticatedOperator != null ? authenticatedOperator : report.operatorCode();
        ReportResult result = decideAndApply(authenticatedOperator, operatorCode, report, channel);
        meters.counter("motcua.delivery.status_reports", "channel", channel.name(), "outcome", result.outcome().name())
                .increment();
        if (result.outcome() == ReportOutcome.REJECTED) {
            rejected(operatorCode, report.reportId(), report.trackingNumber(), channel, result.code(), result.detail());
        }
        return result;
    }

    /** Records a refusal (and, on Kafka, tells the operator on {@code postal.orders}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rejected(String operatorCode, String reportId, String trackingNumber, Channel channel, String code,
                         String detail) {
        entityManager.createNativeQuery("""
                        insert into status_report_rejection (operator_code, report_id, tracking_number, channel, code, detail)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, clip(operatorCode, 32)).setParameter(2, clip(reportId, 100))
                .setParameter(3, clip(trackingNumber, 64)).setParameter(4, channel.name()).setParameter(5, code)
                .setParameter(6, clip(detail, 1000)).executeUpdate();
        if (channel == Channel.KAFKA) {
            operator.reportRejected(operatorCode, reportId, trackingNumber, code, detail,
                    OffsetDateTime.now(CloudEventCodec.ZONE));
        }
    }

    private ReportResult decideAndApply(String authenticatedOperator, String operatorCode, StatusReport report,
                                        Channel channel) {
        Optional<ReportResult> invalid = validate(authenticatedOperator, operatorCode, report);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        DeliveryOrder order = DeliveryOrder.<DeliveryOrder>find("trackingNumber", report.trackingNumber())
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional().orElse(null);
        if (order == null) {
            return ReportResult.rejected(report.reportId(), report.trackingNumber(), "UNKNOWN_TRACKING_NUMBER",
                    "no order has tracking number " + report.trackingNumber(), List.of());
        }
        if (!order.operatorCode.equals(operatorCode)) {
            return ReportResult.rejected(report.reportId(), report.trackingNumber(), "NOT_YOUR_ORDER",
                    "order " + report.trackingNumber() + " was not given to operator " + operatorCode, List.of());
        }
        if (report.orderNumber() != null && !report.orderNumber().equals(order.dossierCode)) {
            return ReportResult.rejected(report.reportId(), report.trackingNumber(), "ORDER_NUMBER_MISMATCH",
                    "tracking number " + report.trackingNumber() + " belongs to order number " + order.dossierCode
                            + ", not " + report.orderNumber(), List.of());
        }
        boolean seen = !entityManager.createNativeQuery(
                        "select 1 from status_report_receipt where operator_code = ?1 and report_id = ?2")
                .setParameter(1, operatorCode).setParameter(2, report.reportId()).getResultList().isEmpty();
        if (seen) {
            return result(report, order, ReportOutcome.DUPLICATE, null);
        }
        DeliveryStatus reported = DeliveryStatus.valueOf(report.status());
        ReportRules.Decision decision = ReportRules.decide(order.status, order.lastReportAt, reported, report.occurredAt());
        if (decision.outcome() == ReportOutcome.REJECTED) {
            return ReportResult.rejected(report.reportId(), report.trackingNumber(), "TRANSITION_NOT_ALLOWED",
                    decision.reason(), List.of());
        }
        // the receipt is the duplicate check: its primary key (operator, report id) admits one copy
        int inserted = entityManager.createNativeQuery("""
                        insert into status_report_receipt (operator_code, report_id, order_id, outcome, channel)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, operatorCode).setParameter(2, report.reportId()).setParameter(3, order.id)
                .setParameter(4, decision.outcome().name()).setParameter(5, channel.name()).executeUpdate();
        if (inserted == 0) {
            return result(report, order, ReportOutcome.DUPLICATE, null);
        }
        TimelineEntry line = TimelineEntry.of(order.id, "STATUS_REPORT", reported, report.occurredAt(),
                channel == Channel.REST ? TimelineEntry.Source.OPERATOR_API : TimelineEntry.Source.OPERATOR_KAFKA,
                operatorCode, decision.reason() == null ? report.note() : decision.reason());
        line.applied = decision.outcome() == ReportOutcome.APPLIED;
        line.reportId = report.reportId();
        line.carrierCode = report.carrierCode();
        if (report.postOffice() != null) {
            line.postOfficeCode = report.postOffice().code();
            line.postOfficeName = report.postOffice().name();
        }
        line.persist();
        if (decision.outcome() == ReportOutcome.APPLIED) {
            apply(order, reported, report);
        }
        return result(report, order, decision.outcome(), decision.reason());
    }

    private void apply(DeliveryOrder order, DeliveryStatus reported, StatusReport report) {
        DeliveryStatus previous = order.status;
        OffsetDateTime at = report.occurredAt();
        order.changeStatus(reported, at);
        order.lastReportAt = at;
        order.lastCarrierCode = report.carrierCode();
        if (report.postOffice() != null) {
            order.lastPostOfficeCode = report.postOffice().code();
            order.lastPostOfficeName = report.postOffice().name();
        }
        if (report.attempt() != null) {
            order.attempts = Math.max(order.attempts, report.attempt());
        }
        String postOffice = report.postOffice() == null ? null : report.postOffice().code();
        switch (reported) {
            case PICKED_UP -> order.pickedUpAt = at;
            case DELIVERY_FAILED -> {
                order.failureReason = report.failureReason();
                if (report.attempt() == null) {
                    order.attempts++;
                }
            }
            case DELIVERED -> {
                order.deliveredAt = at;
                order.proofReceiverName = report.proof().receiverName();
                order.proofRelation = report.proof().relation();
                order.proofReference = report.proof().signatureReference() != null
                        ? report.proof().signatureReference() : report.proof().photoReference();
            }
            default -> {
            }
        }
        events.statusChanged(order, previous, report.carrierCode(), postOffice, report.note(), at);
        switch (reported) {
            case DELIVERED -> events.delivered(order);
            case DELIVERY_FAILED -> events.failed(order, at);
            case RETURNED -> events.returned(order, report.note() != null ? report.note() : order.failureReason, at);
            default -> {
            }
        }
    }

    private static ReportResult result(StatusReport report, DeliveryOrder order, ReportOutcome outcome, String detail) {
        return new ReportResult(0, report.reportId(), report.trackingNumber(), outcome, order.status.name(), null,
                detail, List.of());
    }

    private static Optional<ReportResult> validate(String authenticatedOperator, String operatorCode, StatusReport report) {
        String reportId = report.reportId();
        String trackingNumber = report.trackingNumber();
        if (authenticatedOperator != null && report.operatorCode() != null
                && !authenticatedOperator.equals(report.operatorCode())) {
            return Optional.of(ReportResult.rejected(reportId, trackingNumber, "OPERATOR_MISMATCH",
                    "the report names operator " + report.operatorCode() + " but the token is " + authenticatedOperator,
                    List.of()));
        }
        List<Problem.Violation> violations = new ArrayList<>();
        if (operatorCode == null || !OPERATOR_CODE.matcher(operatorCode).matches()) {
            violations.add(new Problem.Violation("operatorCode", "required: 2-32 of A-Z, 0-9, _"));
        }
        if (reportId == null || !REPORT_ID.matcher(reportId).matches()) {
            violations.add(new Problem.Violation("reportId", "required: 1-100 of A-Z, a-z, 0-9, '.', '_', ':', '-'"));
        }
        if (trackingNumber == null || trackingNumber.isBlank()) {
            violations.add(new Problem.Violation("trackingNumber", "required"));
        }
        if (report.status() == null) {
            violations.add(new Problem.Violation("status", "required"));
        }
        if (report.occurredAt() == null) {
            violations.add(new Problem.Violation("occurredAt", "required, ISO-8601 with offset"));
        } else if (report.occurredAt().isAfter(OffsetDateTime.now().plus(CLOCK_SKEW))) {
            violations.add(new Problem.Violation("occurredAt", "is in the future"));
        }
        length(violations, "carrierCode", report.carrierCode(), 64);
        length(violations, "note", report.note(), 1000);
        length(violations, "failureReason", report.failureReason(), 500);
        if (report.postOffice() != null) {
            length(violations, "postOffice.code", report.postOffice().code(), 32);
            length(violations, "postOffice.name", report.postOffice().name(), 200);
        }
        if (report.attempt() != null && (report.attempt() < 1 || report.attempt() > 20)) {
            violations.add(new Problem.Violation("attempt", "must be between 1 and 20"));
        }
        if (!violations.isEmpty()) {
            return Optional.of(invalid(reportId, trackingNumber, violations));
        }
        if (!S10.valid(trackingNumber)) {
            return Optional.of(ReportResult.rejected(reportId, trackingNumber, "INVALID_TRACKING_NUMBER",
                    "'" + trackingNumber + "' is not a valid S10 waybill number (2 letters, 8 digits, check digit, 2 letters)",
                    List.of(new Problem.Violation("trackingNumber", "not a valid S10 waybill number"))));
        }
        DeliveryStatus status;
        try {
            status = DeliveryStatus.valueOf(report.status());
        } catch (IllegalArgumentException e) {
            status = null;
        }
        if (status == null || !DeliveryStatus.REPORTABLE.contains(status)) {
            return Optional.of(ReportResult.rejected(reportId, trackingNumber, "UNKNOWN_STATUS",
                    "'" + report.status() + "' is not one of " + DeliveryStatus.REPORTABLE,
                    List.of(new Problem.Violation("status", "unknown status"))));
        }
        if (status == DeliveryStatus.DELIVERY_FAILED && blank(report.failureReason())) {
            violations.add(new Problem.Violation("failureReason", "required for DELIVERY_FAILED"));
        }
        if (status == DeliveryStatus.DELIVERED) {
            if (report.proof() == null) {
                violations.add(new Problem.Violation("proof", "required for DELIVERED"));
            } else {
                if (blank(report.proof().receiverName())) {
                    violations.add(new Problem.Violation("proof.receiverName", "required for DELIVERED"));
                }
                if (blank(report.proof().relation())) {
                    violations.add(new Problem.Violation("proof.relation", "required for DELIVERED"));
                }
                if (blank(report.proof().signatureReference()) && blank(report.proof().photoReference())) {
                    violations.add(new Problem.Violation("proof.signatureReference",
                            "a signature or photo reference is required for DELIVERED"));
                }
                length(violations, "proof.receiverName", report.proof().receiverName(), 200);
                length(violations, "proof.relation", report.proof().relation(), 100);
                length(violations, "proof.signatureReference", report.proof().signatureReference(), 500);
                length(violations, "proof.photoReference", report.proof().photoReference(), 500);
            }
        }
        return violations.isEmpty() ? Optional.empty() : Optional.of(invalid(reportId, trackingNumber, violations));
    }

    static ReportResult invalid(String reportId, String trackingNumber, List<Problem.Violation> violations) {
        return ReportResult.rejected(reportId, trackingNumber, "INVALID_REPORT", violations.stream()
                .map(v -> v.field() + ": " + v.message()).reduce((a, b) -> a + "; " + b).orElse("invalid"), violations);
    }

    private static void length(List<Problem.Violation> violations, String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Problem.Violation(field, "at most " + max + " characters"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String clip(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
