package vn.motcua.contracts.dossier;

import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.common.PostalAddress;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Events of dossier-service on topic {@code dossier.events}, key = dossier id. Every payload carries a
 * {@link DossierRef}: the dossier as it is <em>after</em> the fact, including its status and the national portal's
 * status number, so that a consumer (notifications, portal sync, payments, postal orders) needs nothing else.
 */
public final class DossierEvents {

    public static final String DRAFT_CREATED = "vn.motcua.dossier.draft-created.v1";
    public static final String SUBMITTED = "vn.motcua.dossier.submitted.v1";
    public static final String PAYMENT_REQUIRED = "vn.motcua.dossier.payment-required.v1";
    public static final String RECEIVED = "vn.motcua.dossier.received.v1";
    public static final String SUPPLEMENT_REQUESTED = "vn.motcua.dossier.supplement-requested.v1";
    public static final String SUPPLEMENT_SUBMITTED = "vn.motcua.dossier.supplement-submitted.v1";
    public static final String REFUSED = "vn.motcua.dossier.refused.v1";
    public static final String STEP_CHANGED = "vn.motcua.dossier.step-changed.v1";
    public static final String RESOLVED = "vn.motcua.dossier.resolved.v1";
    public static final String RETURNED = "vn.motcua.dossier.returned.v1";
    public static final String WITHDRAWN = "vn.motcua.dossier.withdrawn.v1";
    public static final String STOPPED = "vn.motcua.dossier.stopped.v1";
    public static final String OVERDUE = "vn.motcua.dossier.overdue.v1";
    public static final String DUE_DATE_EXTENDED = "vn.motcua.dossier.due-date-extended.v1";
    /** The fee was paid: the dossier left AWAITING_PAYMENT (portal 6) and is SUBMITTED (1), ready for reception. */
    public static final String PAYMENT_CONFIRMED = "vn.motcua.dossier.payment-confirmed.v1";
    /** The applicant asked to withdraw a dossier already received (portal 7); an officer decides. */
    public static final String WITHDRAWAL_REQUESTED = "vn.motcua.dossier.withdrawal-requested.v1";
    /** A leader or administrator reopened a returned or refused dossier. */
    public static final String REOPENED = "vn.motcua.dossier.reopened.v1";

    /** All types above: the portal sync and the notification rules subscribe to each of them. */
    public static final List<String> ALL = List.of(DRAFT_CREATED, SUBMITTED, PAYMENT_REQUIRED, RECEIVED,
            SUPPLEMENT_REQUESTED, SUPPLEMENT_SUBMITTED, REFUSED, STEP_CHANGED, RESOLVED, RETURNED, WITHDRAWN, STOPPED,
            OVERDUE, DUE_DATE_EXTENDED);

    /**
     * Status changes added after the first contract version. Kept out of {@link #ALL} so that subscribers written
     * against that list see no new types until they opt in; the portal sync should subscribe to these too.
     */
    public static final List<String> ADDED_STATUS_CHANGES = List.of(PAYMENT_CONFIRMED, WITHDRAWAL_REQUESTED, REOPENED);

    private DossierEvents() {
    }

    /**
     * The dossier after the event.
     *
     * @param status            our status name, e.g. {@code RECEIVED}
     * @param portalStatus      the national portal's number: 1 submitted online, 2 received, 3 not received,
     *                          4 processing, 5 supplement required, 6 awaiting payment, 7 withdrawal requested,
     *                          8 stopped, 9 resolved, 10 returned; 0 for a draft, which the portal never sees
     * @param channel           {@code COUNTER}, {@code ONLINE} or {@code POSTAL}
     * @param returnMethod      {@code COUNTER}, {@code POST} or {@code ELECTRONIC}
     * @param portalDossierCode the portal's own code when the portal forwarded the dossier, else null
     */
    public record DossierRef(
            String dossierId,
            String dossierCode,
            String procedureCode,
            String procedureName,
            String agencyCode,
            String agencyName,
            Applicant applicant,
            String channel,
            String returnMethod,
            String status,
            int portalStatus,
            OffsetDateTime dueAt,
            String portalDossierCode) {
    }

    public record DraftCreated(DossierRef dossier, OffsetDateTime createdAt) {
    }

    /**
     * Submitted by the applicant (or the portal). With channel POSTAL, {@code pickupAddress} is where the postal
     * operator collects the paper documents; otherwise null.
     */
    public record Submitted(DossierRef dossier, OffsetDateTime submittedAt, boolean feeRequired,
                            PostalAddress pickupAddress) {
    }

    /**
     * The applicant must pay before the agency processes the dossier. payment-service adds the postal fee when
     * {@code returnMethod} is POST (with its discount rules; {@code online} tells whether the online discount applies).
     */
    public record PaymentRequired(DossierRef dossier, List<FeeLine> fees, long totalVnd, boolean online,
                                  PostalAddress deliveryAddress, OffsetDateTime requestedAt) {
    }

    public record Received(DossierRef dossier, String receiptNumber, OffsetDateTime receivedAt, OffsetDateTime dueAt,
                           String officerId) {
    }

    public record SupplementRequested(DossierRef dossier, String reason, List<String> missingItems,
                                      OffsetDateTime requestedAt, String officerId) {
    }

    public record SupplementSubmitted(DossierRef dossier, OffsetDateTime submittedAt) {
    }

    public record Refused(DossierRef dossier, String reason, OffsetDateTime refusedAt, String officerId) {
    }

    /** A processing step started or changed hands; {@code stepDueAt} is the step's own deadline. */
    public record StepChanged(DossierRef dossier, String stepName, String assigneeId, OffsetDateTime stepDueAt,
                              OffsetDateTime changedAt) {
    }

    /** The result is ready. With {@code returnMethod} POST, {@code deliveryAddress} is where postal-delivery sends it. */
    public record Resolved(DossierRef dossier, String resultSummary, String returnMethod, PostalAddress deliveryAddress,
                           OffsetDateTime resolvedAt, String officerId) {
    }

    public record Returned(DossierRef dossier, String returnMethod, OffsetDateTime returnedAt) {
    }

    public record Withdrawn(DossierRef dossier, String reason, OffsetDateTime withdrawnAt) {
    }

    public record Stopped(DossierRef dossier, String reason, OffsetDateTime stoppedAt, String officerId) {
    }

    public record Overdue(DossierRef dossier, OffsetDateTime dueAt, OffsetDateTime detectedAt) {
    }

    /** An apology letter (phiếu xin lỗi và hẹn lại) with a new due date. */
    public record DueDateExtended(DossierRef dossier, OffsetDateTime previousDueAt, OffsetDateTime newDueAt,
                                  String reason, String officerId, OffsetDateTime extendedAt) {
    }

    public record PaymentConfirmed(DossierRef dossier, String paymentId, String receiptNumber, long paidVnd,
                                   OffsetDateTime paidAt) {
    }

    public record WithdrawalRequested(DossierRef dossier, String reason, OffsetDateTime requestedAt) {
    }

    /** {@code previousStatus} is RETURNED or REFUSED. */
    public record Reopened(DossierRef dossier, String previousStatus, String reason, String actorId,
                           OffsetDateTime reopenedAt) {
    }
}
