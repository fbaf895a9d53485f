package vn.motcua.delivery.tariff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.common.FeeLine;
import vn.motcua.contracts.events.CloudEvent;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.contracts.payment.PaymentEvents;
import vn.motcua.delivery.order.OrderService;

import java.util.Set;

/**
 * A payment that included the postal return fee (fee line {@value Tariffs#POSTAL_RETURN_FEE_LINE}): the order of that
 * dossier — now or when it is created later — is prepaid, and the operator collects nothing.
 */
@ApplicationScoped
public class PostalFeePaidHandler implements vn.motcua.messaging.inbox.EventHandler {

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
        long postalFee = payment.fees().stream().filter(line -> Tariffs.POSTAL_RETURN_FEE_LINE.equals(line.code()))
                .mapToLong(FeeLine::amountVnd).sum();
        boolean hasLine = payment.fees().stream().anyMatch(line -> Tariffs.POSTAL_RETURN_FEE_LINE.equals(line.code()));
        if (hasLine) {
            orders.recordPrepayment(payment.dossierId(), payment.paymentId(), postalFee,
                    paid.paidAt() != null ? paid.paidAt() : event.time());
        }
    }
}
