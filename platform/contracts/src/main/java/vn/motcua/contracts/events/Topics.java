package vn.motcua.contracts.events;

/**
 * Kafka topics, one per producing service. Records are keyed by dossier id (or the aggregate id where no dossier
 * exists) so that one dossier's events stay in one partition, in order.
 */
public final class Topics {
    public static final String DOSSIER = "dossier.events";
    public static final String PAYMENT = "payment.events";
    public static final String APPOINTMENT = "appointment.events";
    public static final String DELIVERY = "delivery.events";
    public static final String NOTIFICATION = "notification.events";
    /** Orders for the postal operator: a published contract, see docs/asyncapi/postal-operator.yaml. */
    public static final String POSTAL_ORDERS = "postal.orders";
    /** Status reports the postal operator produces for us. */
    public static final String POSTAL_STATUS_REPORTS = "postal.status-reports";

    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
