package vn.motcua.notification.message;

/** What a channel provider answered for one message. */
public record SendResult(DeliveryStatus status, String provider, String providerReference, String reason) {

    public static SendResult delivered(String provider, String reference) {
        return new SendResult(DeliveryStatus.DELIVERED, provider, reference, null);
    }

    public static SendResult temporary(String provider, String reason) {
        return new SendResult(DeliveryStatus.TEMPORARY_FAILURE, provider, null, reason);
    }

    public static SendResult technical(String provider, String reason) {
        return new SendResult(DeliveryStatus.TECHNICAL_FAILURE, provider, null, reason);
    }

    public static SendResult permanent(String provider, String reason) {
        return new SendResult(DeliveryStatus.PERMANENT_FAILURE, provider, null, reason);
    }
}
