package vn.motcua.payment.payment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;

/** One attempt to pay an obligation. Status changes go through {@link PaymentService}, which audits them. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "obligation_id")
    public String obligationId;
    public int attempt;
    /** Our order reference at the provider (gateway vnp_TxnRef, platform requestId): unique per attempt. */
    public String reference;
    public String status;
    @Column(name = "amount_vnd")
    public long amountVnd;
    public String currency;
    @Column(name = "refunded_vnd")
    public long refundedVnd;
    public String provider;
    @Column(name = "provider_transaction_id")
    public String providerTransactionId;
    @Column(name = "return_url")
    public String returnUrl;
    @Column(name = "redirect_url")
    public String redirectUrl;
    @Column(name = "failure_reason")
    public String failureReason;
    public boolean late;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "started_at")
    public OffsetDateTime startedAt;
    @Column(name = "settled_at")
    public OffsetDateTime settledAt;
    @Column(name = "last_queried_at")
    public OffsetDateTime lastQueriedAt;
    @Version
    public long version;

    public PaymentStatus statusValue() {
        return PaymentStatus.valueOf(status);
    }
}
