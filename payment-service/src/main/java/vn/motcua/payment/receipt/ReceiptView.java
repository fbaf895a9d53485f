package vn.motcua.payment.receipt;

import vn.motcua.contracts.common.FeeLine;

import java.time.OffsetDateTime;
import java.util.List;

/** The content of an electronic receipt, as stored at issue time and as served to the payer. */
public record ReceiptView(
        String receiptNumber,
        String symbol,
        long number,
        String issuer,
        OffsetDateTime issuedAt,
        String paymentId,
        String payerName,
        String agencyCode,
        String agencyName,
        String procedureCode,
        String procedureName,
        String dossierCode,
        List<FeeLine> fees,
        long amountVnd,
        String currency,
        String provider,
        String providerTransactionId,
        OffsetDateTime paidAt) {
}
