package vn.motcua.payment.receipt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.payment.config.PaymentConfig;
import vn.motcua.payment.obligation.Obligation;
import vn.motcua.payment.payment.Payment;

import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues electronic receipts. Numbers come from a receipt series (symbol = prefix + year + "E"), taken under a row
 * lock on the series so that numbers are unique and gap-free across instances; a rolled-back payment rolls its
 * number back too.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ReceiptService {

    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("yy");

    @Inject
    EntityManager em;
    @Inject
    PaymentConfig config;

    public Receipt issue(Payment payment, Obligation obligation) {
        Optional<Receipt> existing = Receipt.find("paymentId", payment.id).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String symbol = config.receipts().seriesPrefix() + YEAR.format(payment.settledAt.atZoneSameInstant(CloudEventCodec.ZONE)) + "E";
        em.createNativeQuery("insert into receipt_series (symbol, next_number) values (?1, 1) on conflict do nothing")
                .setParameter(1, symbol).executeUpdate();
        long number = ((Number) em.createNativeQuery("select next_number from receipt_series where symbol = ?1 for update")
                .setParameter(1, symbol).getSingleResult()).longValue();
        em.createNativeQuery("update receipt_series set next_number = next_number + 1 where symbol = ?1")
                .setParameter(1, symbol).executeUpdate();
        Receipt receipt = new Receipt();
        receipt.id = UUID.randomUUID().toString();
        receipt.paymentId = payment.id;
        receipt.symbol = symbol;
        receipt.number = number;
        receipt.receiptNumber = symbol + "-" + String.format("%07d", number);
        receipt.issuedAt = payment.settledAt;
        receipt.content = new ReceiptView(receipt.receiptNumber, symbol, number, config.receipts().issuerName(),
                receipt.issuedAt, payment.id, obligation.payerName, obligation.agencyCode, obligation.agencyName,
                obligation.procedureCode, obligation.procedureName, obligation.dossierCode, obligation.fees,
                payment.amountVnd, payment.currency, payment.provider, payment.providerTransactionId, payment.settledAt);
        receipt.persist();
        return receipt;
    }
}
