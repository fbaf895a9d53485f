package vn.motcua.notification.message;

/** Where a message goes. Webhooks are not messages to a person and have their own deliveries. */
public enum Channel {
    IN_APP, EMAIL, SMS
}
