package vn.motcua.delivery.tariff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.delivery.order.OrderService;

import org.jboss.logging.Logger;

import java.util.Set;

/**
 * A payment of the dossier's own fee obligation that included the postal return fee (fee line
 * {@value Tariffs#POSTAL_RETURN_FEE_LINE}): the order of that dossier — now or when it is created later — is prepaid,
 * and the operator collects nothing.
 *
 * <p>Only the fee obligation payment-service raised from dossier-service's payment-required event (kind
 * {@code DOSSIER_FEE}) can carry the postal line: an officer's extra obligation may not use that code, and even if one
 * did, its kind says it is not the postal fee. Any other payment naming the postal line — another kind, an event that
 * does not say what was paid, a payment short of its obligation — is recorded in the order's audit trail (or logged
 * while no order exists) and changes nothing.
 */
@ApplicationScoped
public class PostalFeePaidHandler implements vn.motcua.messaging.inbox.EventHandler {

    private static final Logger LOG = Logger.getLogger(PostalFeePaidHandler.class);

    @Inject
    OrderService orders;

    @Override
    public Set<String> topics() {
        return Set.of(Topics.PAYMENT);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(PaymentEvents.SUCCEEDED);
    }

    @Override
    public void handle(CloudEvent event) {
        PaymentEvents.Succeeded paid = CloudEventCodec.dataAs(event, PaymentEvents.Succeeded.class);
        PaymentEvents.PaymentRef payment = paid.payment();
        if (payment == null || payment.dossierId() == null || payment.fees() == null) {
            return; // not a dossier payment: nothing to deliver
        }
        boolean hasLine = payment.fees().stream().anyMatch(line -> line != null && Tariffs.POSTAL_RETURN_FEE_LINE.equals(line.code()));
        if (!hasLine) {
            return;
        }
        long postalFee = payment.fees().stream().filter(line -> line != null && Tariffs.POSTAL_RETURN_FEE_LINE.equals(line.code()))
                .mapToLong(FeeLine::amountVnd).sum();
        String refused = whyNotThePostalFee(payment, postalFee);
        if (refused != null) {
            LOG.warnf("payment %s for dossier %s does not prepay the postal return: %s", payment.paymentId(),
                    payment.dossierId(), refused);
            orders.recordIgnoredPrepayment(payment.dossierId(), payment.paymentId(), refused);
            return;
        }
        orders.recordPrepayment(payment.dossierId(), payment.paymentId(), postalFee,
                paid.paidAt() != null ? paid.paidAt() : event.time());
    }

    /** Null when the payment is the dossier's own fee obligation, paid in full, with a positive postal line. */
    static String whyNotThePostalFee(PaymentEvents.PaymentRef payment, long postalFee) {
        if (!payment.forDossierFee()) {
            return "payment is for a " + payment.obligationKind() + " obligation, not the dossier's fee obligation";
        }
        if (postalFee <= 0) {
            return "the postal line is " + postalFee + " VND";
        }
        long linesTotal = payment.fees().stream().filter(java.util.Objects::nonNull).mapToLong(FeeLine::amountVnd).sum();
        if (payment.amountVnd() < payment.obligationAmountVnd() || payment.obligationAmountVnd() < linesTotal) {
            return "payment of " + payment.amountVnd() + " VND does not cover its obligation's "
                    + payment.obligationAmountVnd() + " VND (lines " + linesTotal + " VND)";
        }
        return null;
    }
}
