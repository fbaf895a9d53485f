package vn.motcua.payment.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.contracts.events.CloudEventCodec;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SANDBOX: the sandbox provider's own books (a development stand-in never holds real money), in payment-service's
 * database (tables {@code sandbox_*}) and not in memory, so that every payment-service instance plays the same
 * provider: a checkout opened through one instance is paid, queried and refunded through any other. Keyed by the
 * provider's transaction number and by the merchant's reference. Plain JDBC with short local transactions: the
 * sandbox is called over HTTP like a real provider, never inside one of payment-service's own transactions.
 */
@ApplicationScoped
public class SandboxLedger {

    public enum Protocol { GATEWAY, NPP }

    public enum State { PENDING, SUCCESS, FAILED, CANCELLED }

    /** One transaction as the books held it when read: a snapshot, read again to see later changes. */
    public static final class Txn {
        public final String transactionNo;
        public final Protocol protocol;
        public final String reference;
        public final String orderReference;
        public final long amountVnd;
        public final String returnUrl;
        public final String notifyUrl;
        public final String orderInfo;
        public final State state;
        public final OffsetDateTime paidAt;
        public final long refundedVnd;
        public final String responseCode;
        /** Refunds done, by the merchant's refund request id. */
        public final Map<String, String> refunds;

        Txn(ResultSet row, Map<String, String> refunds) throws SQLException {
            this.transactionNo = row.getString("transaction_no");
            this.protocol = Protocol.valueOf(row.getString("protocol"));
            this.reference = row.getString("reference");
            this.orderReference = row.getString("order_reference");
            this.amountVnd = row.getLong("amount_vnd");
            this.returnUrl = row.getString("return_url");
            this.notifyUrl = row.getString("notify_url");
            this.orderInfo = row.getString("order_info");
            this.state = State.valueOf(row.getString("state"));
            OffsetDateTime paid = row.getObject("paid_at", OffsetDateTime.class);
            this.paidAt = paid == null ? null : paid.atZoneSameInstant(CloudEventCodec.ZONE).toOffsetDateTime();
            this.refundedVnd = row.getLong("refunded_vnd");
            this.responseCode = row.getString("response_code");
            this.refunds = Map.copyOf(refunds);
        }
    }

    private static final String COLUMNS = """
            transaction_no, protocol, reference, order_reference, amount_vnd, return_url, notify_url, order_info,
            state, paid_at, refunded_vnd, response_code""";
    private static final long MAX_DELAY_MILLIS = 60_000;

    private final DataSource dataSource;

    /** Also how a test makes a second instance over the same database (another payment-service process). */
    @Inject
    public SandboxLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Registers a payment, or returns the one already registered for this reference (a reloaded payment page, or
     * the same redirect opened through another instance at the same moment: the unique reference decides).
     */
    public Txn open(Protocol protocol, String reference, String orderReference, long amountVnd,
                    String returnUrl, String notifyUrl, String orderInfo) {
        String ref = reference == null ? "" : reference;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into sandbox_transaction (protocol, reference, order_reference, amount_vnd, return_url,
                        notify_url, order_info)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (protocol, reference) do nothing""")) {
                insert.setString(1, protocol.name());
                insert.setString(2, ref);
                insert.setString(3, orderReference);
                insert.setLong(4, amountVnd);
                insert.setString(5, returnUrl);
                insert.setString(6, notifyUrl);
                insert.setString(7, orderInfo);
                insert.executeUpdate();
            }
            return find(c, "protocol = ? and reference = ?", protocol.name(), ref, false).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("SANDBOX ledger: " + e.getMessage(), e);
        }
    }

    public Optional<Txn> byNumber(String number) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, "transaction_no = ?", number, null, false);
        } catch (SQLException e) {
            throw new IllegalStateException("SANDBOX ledger: " + e.getMessage(), e);
        }
    }

    public Optional<Txn> byReference(Protocol protocol, String reference) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, "protocol = ? and reference = ?", protocol.name(), reference == null ? "" : reference, false);
        } catch (SQLException e) {
            throw new IllegalStateException("SANDBOX ledger: " + e.getMessage(), e);
        }
    }

    /**
     * Finishes a pending payment with the payer's outcome. Only one finish wins, whichever instance served it.
     *
     * @return the finished transaction, or empty when it is unknown or no longer pending
     */
    public Optional<Txn> finish(String number, State state, OffsetDateTime paidAt, String responseCode) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement("""
                    update sandbox_transaction set state = ?, paid_at = ?, response_code = ?
                    where transaction_no = ? and state = 'PENDING'""")) {
                update.setString(1, state.name());
                update.setObject(2, paidAt);
                update.setString(3, responseCode);
                update.setString(4, number);
                if (update.executeUpdate() == 0) {
                    return Optional.empty();
                }
            }
            return find(c, "transaction_no = ?", number, null, false);
        } catch (SQLException e) {
            throw new IllegalStateException("SANDBOX ledger: " + e.getMessage(), e);
        }
    }

    /**
     * Refunds once per refund request id (the merchant's idempotency reference): the same id again answers the same
     * refund transaction and moves no money, as a real provider does for a retried request. The transaction's row is
     * locked meanwhile, so concurrent refunds through any instances never refund twice nor more than was paid.
     *
     * @return the refund transaction number, or "" when refused (unknown or unpaid transaction, amount too large)
     */
    public String refund(Protocol protocol, String reference, long amountVnd, String refundRequestId) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String answer = refundLocked(c, protocol, reference == null ? "" : reference, amountVnd, refundRequestId);
                c.commit();
                return answer;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SANDBOX ledger: " + e.getMessage(), e);
        }
    }

    private String refundLocked(Connection c, Protocol protocol, String reference, long amountVnd, String requestId)
            throws SQLException {
        Txn txn = find(c, "protocol = ? and reference = ?", protocol.name(), reference, true).orElse(null);
        if (txn == null || txn.state != State.SUCCESS) {
            return "";
        }
        String done = txn.refunds.get(requestId);
        if (done != null) {
            return done;
        }
        if (amountVnd <= 0 || txn.refundedVnd + amountVnd > txn.amountVnd) {
            return "";
        }
        String refundNo;
        try (PreparedStatement insert = c.prepareStatement("""
                insert into sandbox_refund (transaction_no, request_id, refund_no, amount_vnd)
                values (?, ?, 'R' || nextval('sandbox_refund_no_seq'), ?)
                returning refund_no""")) {
            insert.setString(1, txn.transactionNo);
            insert.setString(2, requestId);
            insert.setLong(3, amountVnd);
            try (ResultSet r = insert.executeQuery()) {
                r.next();
                refundNo = r.getString(1);
            }
        }
        try (PreparedStatement update = c.prepareStatement(
                "update sandbox_transaction set refunded_vnd = refunded_vnd + ? where transaction_no = ?")) {
            update.setLong(1, amountVnd);
            update.setString(2, txn.transactionNo);
            update.executeUpdate();
        }
        return refundNo;
    }

    /** @param forUpdate lock the transaction's row until the connection's transaction ends */
    private static Optional<Txn> find(Connection c, String where, String first, String second, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select " + COLUMNS + " from sandbox_transaction where "
                + where + (forUpdate ? " for update" : ""))) {
            select.setString(1, first);
            if (second != null) {
                select.setString(2, second);
            }
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Txn(row, refunds(c, row.getString("transaction_no"))));
            }
        }
    }

    private static Map<String, String> refunds(Connection c, String transactionNo) throws SQLException {
        Map<String, String> refunds = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(
                "select request_id, refund_no from sandbox_refund where transaction_no = ? order by created_at, refund_no")) {
            select.setString(1, transactionNo);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    refunds.put(r.getString(1), r.getString(2));
                }
            }
        }
        return refunds;
    }

    // ------------------------------------------------------------------ the tester's controls, shared by all instances

    /** Artificial delay of the API endpoints, to simulate a provider that does not answer in time. */
    public long apiDelayMillis() {
        return control("api_delay_millis");
    }

    public void apiDelayMillis(long millis) {
        control("api_delay_millis", millis);
    }

    /** Delay after a refund was made and before it is answered: the merchant times out, the money moved. */
    public long answerDelayMillis() {
        return control("answer_delay_millis");
    }

    public void answerDelayMillis(long millis) {
        control("answer_delay_millis", millis);
    }

    public void afterProcessing() {
        sleep(answerDelayMillis());
    }

    public void delay() {
        sleep(apiDelayMillis());
    }

    // the column names below are constants of this class, never input
    private long control(String column) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("select " + column + " from sandbox_control where id = 1");
             ResultSet r = select.executeQuery()) {
            return r.next() ? r.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("SANDBOX ledger: " + e.getMessage(), e);
        }
    }

    private void control(String column, long millis) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("update sandbox_control set " + column + " = ? where id = 1")) {
            update.setLong(1, Math.max(0, Math.min(millis, MAX_DELAY_MILLIS)));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SANDBOX ledger: " + e.getMessage(), e);
        }
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
