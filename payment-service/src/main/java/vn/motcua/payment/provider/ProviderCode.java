package vn.motcua.payment.provider;

/** The provider protocols we speak. */
public enum ProviderCode {
    /** Card/QR gateway: signed redirect (HMAC-SHA512 over sorted parameters), signed IPN, querydr, refund. */
    GATEWAY,
    /** National payment platform: INIT message with SHA-256 hash, notify, check, refund. */
    NPP
}
