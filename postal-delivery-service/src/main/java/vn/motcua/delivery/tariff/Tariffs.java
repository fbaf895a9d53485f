package vn.motcua.delivery.tariff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import vn.motcua.delivery.config.DeliveryConfig;
import vn.motcua.delivery.order.DeliveryKind;
import vn.motcua.delivery.order.DeliveryOrder;
import vn.motcua.delivery.order.FeePaidBy;

import java.util.List;

/**
 * Prices an order: a postal fee the applicant already paid online (payment-service's fee line POSTAL_RETURN) is
 * recorded as prepaid; otherwise our own {@link Tariff} applies and the fee is collected in cash — from the receiver
 * on delivery of a result, from the sender at pickup of documents.
 */
@ApplicationScoped
public class Tariffs {

    /** Fee line code payment-service uses for the postal return fee. */
    public static final String POSTAL_RETURN_FEE_LINE = "POSTAL_RETURN";

    @Inject
    DeliveryConfig config;
    @Inject
    EntityManager entityManager;

    public Tariff tariff() {
        DeliveryConfig.Tariff t = config.tariff();
        return new Tariff(t.sameProvinceVnd(), t.otherProvinceVnd(), t.onlineDiscountPercent(), t.cashCollectionVnd(),
                t.roundTo());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void price(DeliveryOrder order) {
        if (order.feePaidBy == FeePaidBy.PREPAID) {
            return;
        }
        if (order.kind == DeliveryKind.RESULT_RETURN) {
            @SuppressWarnings("unchecked")
            List<Number> prepaid = entityManager.createNativeQuery(
                            "select amount_vnd from postal_prepayment where dossier_id = ?1")
                    .setParameter(1, order.dossierId).getResultList();
            if (!prepaid.isEmpty()) {
                order.feePaidBy = FeePaidBy.PREPAID;
                order.postalFeeVnd = prepaid.get(0).longValue();
                order.cashOnDeliveryVnd = 0;
                return;
            }
        }
        boolean online = "ONLINE".equals(order.dossierChannel);
        long fee = tariff().feeVnd(order.sender.provinceCode(), order.receiver.provinceCode(), online, true);
        order.postalFeeVnd = fee;
        if (order.kind == DeliveryKind.RESULT_RETURN) {
            order.feePaidBy = FeePaidBy.RECEIVER;
            order.cashOnDeliveryVnd = fee;
        } else {
            order.feePaidBy = FeePaidBy.SENDER;
            order.cashOnDeliveryVnd = 0;
        }
    }
}
