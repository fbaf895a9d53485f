package vn.motcua.payment.obligation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.motcua.contracts.common.Applicant;
import vn.motcua.contracts.common.FeeLine;

import java.time.OffsetDateTime;
import java.util.List;

/** What an applicant owes for a dossier: fee lines and their total, payable until {@link #expiresAt}. */
@Entity
@Table(name = "payment_obligation")
public class Obligation extends PanacheEntityBase {

    public enum Kind { DOSSIER_FEE, EXTRA }

    public enum Status { OPEN, PAID, EXPIRED }

    @Id
    public String id;
    @Column(name = "kind")
    public String kind;
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Column(name = "dossier_id")
    public String dossierId;
    @Column(name = "created_by")
    public String createdBy;
    public String reason;
    @Column(name = "dossier_code")
    public String dossierCode;
    @Column(name = "procedure_code")
    public String procedureCode;
    @Column(name = "procedure_name")
    public String procedureName;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "agency_name")
    public String agencyName;
    @Column(name = "payer_id")
    public String payerId;
    @Column(name = "payer_name")
    public String payerName;
    @Column(name = "payer_email")
    public String payerEmail;
    @Column(name = "payer_phone")
    public String payerPhone;
    @Column(name = "payer_language")
    public String payerLanguage;
    public String channel;
    @Column(name = "return_method")
    public String returnMethod;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fees", columnDefinition = "jsonb")
    public List<FeeLine> fees;
    @Column(name = "amount_vnd")
    public long amountVnd;
    public String status;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Version
    public long version;

    /** The Kafka key of this obligation's events: the dossier id, else the first payment's id. */
    public String eventKey(String paymentId) {
        return dossierId != null ? dossierId : paymentId;
    }

    public Applicant payer() {
        return new Applicant(payerId, payerName, payerEmail, payerPhone, payerLanguage);
    }

    public Status statusValue() {
        return Status.valueOf(status);
    }
}
