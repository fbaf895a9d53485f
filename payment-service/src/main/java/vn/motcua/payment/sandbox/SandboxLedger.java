package vn.motcua.payment.sandbox;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SANDBOX: the sandbox provider's own books, in memory (a development stand-in never holds real money). Keyed by
 * the provider's transaction number and by the merchant's reference.
 */
@ApplicationScoped
public class SandboxLedger {

    public enum Protocol { GATEWAY, NPP }

    public enum State { PENDING, SUCCESS, FAILED, CANCELLED }

    public static final class Txn {
        public final String transactionNo;
        public final Protocol protocol;
        public final String reference;
        public final String orderReference;
        public final long amountVnd;
        public final String returnUrl;
        public final String notifyUrl;
        public final String orderInfo;
        public volatile State state = State.PENDING;
        public volatile OffsetDateTime paidAt;
        public volatile long refundedVnd;
        public volatile String responseCode = "";
        /** Refunds done, by the merchant's refund request id. */
        public final Map<String, String> refunds = new ConcurrentHashMap<>();

        Txn(String transactionNo, Protocol protocol, String reference, String orderReference, long amountVnd,
            String returnUrl, String notifyUrl, String orderInfo) {
            this.transactionNo = transactionNo;
            this.protocol = protocol;
            this.reference = reference;
            this.orderReference = orderReference;
            this.amountVnd = amountVnd;
            this.returnUrl = returnUrl;
            this.notifyUrl = notifyUrl;
            this.orderInfo = orderInfo;
        }
    }

    private final Map<String, Txn> byNumber = new ConcurrentHashMap<>();
    private final Map<String, Txn> byReference = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong(14_000_000);
    /** Artificial delay of the API endpoints, to simulate a provider that does not answer in time. */
    private volatile long apiDelayMillis;

    // accessors, not a public field: callers hold the CDI client proxy, whose own fields are not the bean's
    public long apiDelayMillis() {
        return apiDelayMillis;
    }

    public void apiDelayMillis(long millis) {
        this.apiDelayMillis = Math.max(0, Math.min(millis, 60_000));
    }

    /** Registers a payment, or returns the one already registered for this reference (a reloaded payment page). */
    public synchronized Txn open(Protocol protocol, String reference, String orderReference, long amountVnd,
                                 String returnUrl, String notifyUrl, String orderInfo) {
        Txn existing = byReference.get(protocol + ":" + reference);
        if (existing != null) {
            return existing;
        }
        Txn txn = new Txn(Long.toString(sequence.incrementAndGet()), protocol, reference, orderReference, amountVnd,
                returnUrl, notifyUrl, orderInfo);
        byNumber.put(txn.transactionNo, txn);
        byReference.put(protocol + ":" + reference, txn);
        return txn;
    }

    public Optional<Txn> byNumber(String number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    public Optional<Txn> byReference(Protocol protocol, String reference) {
        return Optional.ofNullable(byReference.get(protocol + ":" + reference));
    }

    /** Delay after a refund was made and before it is answered: the merchant times out, the money moved. */
    private volatile long answerDelayMillis;

    public long answerDelayMillis() {
        return answerDelayMillis;
    }

    public void answerDelayMillis(long millis) {
        this.answerDelayMillis = Math.max(0, Math.min(millis, 60_000));
    }

    public void afterProcessing() {
        sleep(answerDelayMillis);
    }

    public void delay() {
        sleep(apiDelayMillis);
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
