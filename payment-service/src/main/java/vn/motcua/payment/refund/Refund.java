package vn.motcua.payment.refund;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** Money given back from a successful payment, in full or in part. */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    /** SENDING: decided and sent to the provider, its answer not recorded yet (sent again by the job under the same id). */
    public enum Status { AWAITING_APPROVAL, SENDING, REFUNDED, REJECTED }

    @Id
    public String id;
    @Column(name = "payment_id")
    public String paymentId;
    @Column(name = "amount_vnd")
    public long amountVnd;
    public String status;
    public String reason;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "provider_refund_id")
    public String providerRefundId;
    @Column(name = "refunded_at")
    public OffsetDateTime refundedAt;
    @Version
    public long version;
}
