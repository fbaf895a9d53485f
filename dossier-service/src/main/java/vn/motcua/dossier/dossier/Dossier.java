package vn.motcua.dossier.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A hồ sơ: one application for one procedure, from draft to returned result. Never leaves the service as JSON. */
@Entity
@Table(name = "dossier")
public class Dossier {

    @Id
    public UUID id;
    public String code;
    @Column(name = "procedure_code")
    public String procedureCode;
    @Column(name = "procedure_name")
    public String procedureName;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "agency_name")
    public String agencyName;
    @Column(name = "applicant_id")
    public String applicantId;
    @Column(name = "applicant_name")
    public String applicantName;
    @Column(name = "applicant_email")
    public String applicantEmail;
    @Column(name = "applicant_phone")
    public String applicantPhone;
    @Column(name = "applicant_phone_key")
    public String applicantPhoneKey;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    @Column(name = "return_method")
    public ReturnMethod returnMethod;
    @Column(name = "delivery_address")
    public String deliveryAddress;
    @Enumerated(EnumType.STRING)
    public DossierStatus status;
    @Column(name = "portal_dossier_code")
    public String portalDossierCode;
    @Column(name = "fee_total")
    public long feeTotal;
    @Column(name = "fee_lines")
    public String feeLines;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
    @Column(name = "payment_receipt")
    public String paymentReceipt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "received_by")
    public String receivedBy;
    @Column(name = "receipt_number")
    public String receiptNumber;
    @Column(name = "due_at")
    public OffsetDateTime dueAt;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "returned_at")
    public OffsetDateTime returnedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "result_summary")
    public String resultSummary;
    @Column(name = "outcome_reason")
    public String outcomeReason;
    public boolean overdue;
    @Column(name = "overdue_at")
    public OffsetDateTime overdueAt;
    @Column(name = "step_name")
    public String stepName;
    @Column(name = "step_assignee_id")
    public String stepAssigneeId;
    @Column(name = "step_due_at")
    public OffsetDateTime stepDueAt;
    @Column(name = "supplement_reason")
    public String supplementReason;
    @Column(name = "supplement_items")
    public String supplementItems;
    @Column(name = "supplement_requested_at")
    public OffsetDateTime supplementRequestedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_withdrawal")
    public DossierStatus statusBeforeWithdrawal;
    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;
    @Column(name = "queue_number")
    public String queueNumber;
    @Column(name = "postal_return_failed")
    public boolean postalReturnFailed;
    @Column(name = "tracking_secret")
    public String trackingSecret;
    public Integer rating;
    @Column(name = "rating_comment")
    public String ratingComment;
    @Column(name = "rated_at")
    public OffsetDateTime ratedAt;
    @Version
    public long version;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
