package vn.motcua.payment.receipt;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;

/** An electronic receipt (biên lai điện tử): issued once per successful payment, immutable afterwards. */
@Entity
@Table(name = "payment_receipt")
public class Receipt extends PanacheEntityBase {
    @Id
    public String id;
    @Column(name = "payment_id")
    public String paymentId;
    public String symbol;
    public long number;
    @Column(name = "receipt_number")
    public String receiptNumber;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "content", columnDefinition = "jsonb")
    public ReceiptView content;
}
