package vn.motcua.delivery.order;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.delivery.PostalOperatorMessages.Party;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A shipment handled by the postal operator for one dossier. Never serialised as is: see {@link DeliveryView}. */
@Entity
@Table(name = "delivery_order")
public class DeliveryOrder extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public DeliveryKind kind;
    public String dossierId;
    public String dossierCode;
    public String procedureCode;
    public String procedureName;
    public String dossierChannel;
    public String agencyCode;
    public String customerCode;
    public String operatorCode;
    public String trackingNumber;
    @Enumerated(EnumType.STRING)
    public DeliveryStatus status;
    public String applicantId;
    @Column(name = "applicant_json")
    @Convert(converter = JsonColumns.ApplicantColumn.class)
    public Applicant applicant;
    @Column(name = "sender_json")
    @Convert(converter = JsonColumns.PartyColumn.class)
    public Party sender;
    @Column(name = "receiver_json")
    @Convert(converter = JsonColumns.PartyColumn.class)
    public Party receiver;
    public String parcelDescription;
    public long postalFeeVnd;
    @Enumerated(EnumType.STRING)
    public FeePaidBy feePaidBy;
    public long cashOnDeliveryVnd;
    public int attempts;
    public String lastCarrierCode;
    public String lastPostOfficeCode;
    public String lastPostOfficeName;
    public OffsetDateTime lastReportAt;
    public OffsetDateTime statusChangedAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime dispatchedAt;
    public OffsetDateTime pickedUpAt;
    public OffsetDateTime deliveredAt;
    public String proofReceiverName;
    public String proofRelation;
    public String proofReference;
    public String failureReason;
    public OffsetDateTime redeliveryRequestedAt;
    public String slaBreach;
    public OffsetDateTime slaBreachedAt;
    @Version
    public long version;

    public static Optional<DeliveryOrder> byTrackingNumber(String trackingNumber) {
        return find("trackingNumber", trackingNumber).firstResultOptional();
    }

    public static Optional<DeliveryOrder> byDossier(String dossierId, DeliveryKind kind) {
        return find("dossierId = ?1 and kind = ?2", dossierId, kind).firstResultOptional();
    }

    /** The party on the applicant's side: the receiver of a result, the sender of picked-up documents. */
    public Party applicantSide() {
        return kind == DeliveryKind.RESULT_RETURN ? receiver : sender;
    }

    public void changeStatus(DeliveryStatus next, OffsetDateTime at) {
        // any progress clears an SLA flag, so that a new breach can be raised later
        slaBreach = null;
        slaBreachedAt = null;
        status = next;
        statusChangedAt = at;
    }
}
