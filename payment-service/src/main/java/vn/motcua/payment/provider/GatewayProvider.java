package vn.motcua.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.payment.config.PaymentConfig;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static vn.motcua.payment.provider.GatewayProtocol.*;

/**
 * Card/QR gateway client (VNPAY-style): the applicant is redirected with parameters signed by HMAC-SHA512 over the
 * sorted, URL-encoded query; the gateway confirms by a signed IPN to our callback; querydr and refund are signed
 * JSON calls over '|'-joined fields.
 */
@ApplicationScoped
public class GatewayProvider implements PaymentProvider {

    @Inject
    PaymentConfig config;
    @Inject
    ProviderHttp http;
    @Inject
    SelfUrl self;

    @Override
    public ProviderCode code() {
        return ProviderCode.GATEWAY;
    }

    @Override
    public boolean enabled() {
        // the sandbox's well-known secret is only acceptable while the sandbox is what we talk to
        return config.providers().gateway().enabled()
                && (config.sandbox().enabled() || !config.providers().gateway().secret().startsWith("SANDBOX-"));
    }

    String payUrl() {
        return config.providers().gateway().payUrl().orElseGet(() -> self.base() + "/sandbox/gateway/pay");
    }

    String apiUrl() {
        return config.providers().gateway().apiUrl().orElseGet(() -> self.base() + "/sandbox/gateway/api");
    }

    String secret() {
        return config.providers().gateway().secret();
    }

    @Override
    public Checkout checkout(CheckoutOrder order) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("vnp_Version", VERSION);
        params.put("vnp_Command", "pay");
        params.put("vnp_TmnCode", config.providers().gateway().terminalCode());
        params.put("vnp_Amount", amount(order.amountVnd()));
        params.put("vnp_CurrCode", CURRENCY);
        params.put("vnp_TxnRef", order.reference());
        params.put("vnp_OrderInfo", ascii(order.description()));
        params.put("vnp_OrderType", "other");
        params.put("vnp_Locale", "vn");
        params.put("vnp_ReturnUrl", order.returnUrl());
        params.put("vnp_IpAddr", order.clientIp() == null ? "127.0.0.1" : order.clientIp());
        params.put("vnp_CreateDate", time(order.createdAt()));
        params.put("vnp_ExpireDate", time(order.expiresAt()));
        String query = Signatures.canonicalQuery(params);
        String url = payUrl() + "?" + query + "&vnp_SecureHash=" + Signatures.hmacSha512(secret(), query);
        return new Checkout(url, null);
    }

    @Override
    public ProviderStatus query(QueryOrder order) {
        String requestId = UUID.randomUUID().toString().replace("-", "");
        String now = time(OffsetDateTime.now());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("vnp_RequestId", requestId);
        body.put("vnp_Version", VERSION);
        body.put("vnp_Command", "querydr");
        body.put("vnp_TmnCode", config.providers().gateway().terminalCode());
        body.put("vnp_TxnRef", order.reference());
        body.put("vnp_OrderInfo", "Truy van " + order.reference());
        body.put("vnp_TransactionDate", time(order.startedAt()));
        body.put("vnp_CreateDate", now);
        body.put("vnp_IpAddr", "127.0.0.1");
        body.put("vnp_SecureHash", Signatures.hmacSha512(secret(), String.join("|", body.get("vnp_RequestId"),
                VERSION, "querydr", body.get("vnp_TmnCode"), order.reference(), body.get("vnp_TransactionDate"), now,
                "127.0.0.1", body.get("vnp_OrderInfo"))));
        JsonNode answer = http.postJson("gateway", apiUrl(), body);
        verifyAnswer(answer);
        String responseCode = text(answer, "vnp_ResponseCode");
        if (QUERY_NOT_FOUND.equals(responseCode)) {
            return new ProviderStatus(Outcome.NOT_FOUND, null, 0, CURRENCY, responseCode);
        }
        if (!"00".equals(responseCode)) {
            throw new ProviderUnavailableException("gateway", "querydr answered " + responseCode);
        }
        String status = text(answer, "vnp_TransactionStatus");
        Outcome outcome = switch (status) {
            case TXN_SUCCESS -> Outcome.SUCCEEDED;
            case TXN_PENDING -> Outcome.PENDING;
            case TXN_CANCELLED -> Outcome.CANCELLED;
            default -> Outcome.FAILED;
        };
        long amount;
        try {
            amount = vnd(text(answer, "vnp_Amount"));
        } catch (IllegalArgumentException e) {
            throw new ProviderUnavailableException("gateway", "querydr amount: " + e.getMessage());
        }
        return new ProviderStatus(outcome, text(answer, "vnp_TransactionNo"), amount, CURRENCY, status);
    }

    @Override
    public String refund(RefundOrder order) {
        // the refund's own id is the request id: a retried refund (its answer was lost) is recognised by the gateway
        // and not paid out twice
        String requestId = order.refundId().replace("-", "");
        String now = time(OffsetDateTime.now());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("vnp_RequestId", requestId);
        body.put("vnp_Version", VERSION);
        body.put("vnp_Command", "refund");
        body.put("vnp_TmnCode", config.providers().gateway().terminalCode());
        body.put("vnp_TransactionType", order.amountVnd() == order.paymentAmountVnd() ? "02" : "03");
        body.put("vnp_TxnRef", order.reference());
        body.put("vnp_Amount", amount(order.amountVnd()));
        body.put("vnp_TransactionNo", order.providerTransactionId() == null ? "" : order.providerTransactionId());
        body.put("vnp_TransactionDate", time(order.paidAt()));
        body.put("vnp_CreateBy", order.requestedBy());
        body.put("vnp_CreateDate", now);
        body.put("vnp_IpAddr", "127.0.0.1");
        body.put("vnp_OrderInfo", "Hoan tien " + order.refundId());
        body.put("vnp_SecureHash", Signatures.hmacSha512(secret(), refundHashInput(body)));
        JsonNode answer = http.postJson("gateway", apiUrl(), body);
        verifyAnswer(answer);
        if (!"00".equals(text(answer, "vnp_ResponseCode"))) {
            throw new ProviderUnavailableException("gateway", "refund refused with code " + text(answer, "vnp_ResponseCode"));
        }
        return text(answer, "vnp_TransactionNo");
    }

    public static String refundHashInput(Map<String, String> body) {
        return String.join("|", body.get("vnp_RequestId"), body.get("vnp_Version"), body.get("vnp_Command"),
                body.get("vnp_TmnCode"), body.get("vnp_TransactionType"), body.get("vnp_TxnRef"), body.get("vnp_Amount"),
                body.get("vnp_TransactionNo"), body.get("vnp_TransactionDate"), body.get("vnp_CreateBy"),
                body.get("vnp_CreateDate"), body.get("vnp_IpAddr"), body.get("vnp_OrderInfo"));
    }

    /** Fields of a querydr / refund answer covered by its signature. */
    public static String answerHashInput(Map<String, String> answer) {
        return String.join("|", nz(answer.get("vnp_ResponseId")), nz(answer.get("vnp_Command")),
                nz(answer.get("vnp_ResponseCode")), nz(answer.get("vnp_Message")), nz(answer.get("vnp_TmnCode")),
                nz(answer.get("vnp_TxnRef")), nz(answer.get("vnp_Amount")), nz(answer.get("vnp_PayDate")),
                nz(answer.get("vnp_TransactionNo")), nz(answer.get("vnp_TransactionStatus")));
    }

    private void verifyAnswer(JsonNode answer) {
        Map<String, String> fields = new LinkedHashMap<>();
        answer.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().asText()));
        if (!Signatures.same(Signatures.hmacSha512(secret(), answerHashInput(fields)), fields.get("vnp_SecureHash"))) {
            throw new ProviderUnavailableException("gateway", "answer signature does not verify");
        }
    }

    @Override
    public ProviderNotice read(Map<String, String> fields) throws NoticeRejected {
        String given = fields.get("vnp_SecureHash");
        if (given == null || !Signatures.same(Signatures.hmacSha512(secret(), Signatures.canonicalQuery(fields)), given)) {
            throw new NoticeRejected(NotificationVerdict.REJECTED_SIGNATURE, "vnp_SecureHash does not verify");
        }
        if (!config.providers().gateway().terminalCode().equals(fields.get("vnp_TmnCode"))) {
            throw new NoticeRejected(NotificationVerdict.REJECTED_MALFORMED, "vnp_TmnCode is not ours");
        }
        for (String required : new String[]{"vnp_TxnRef", "vnp_Amount", "vnp_ResponseCode", "vnp_TransactionStatus"}) {
            if (fields.get(required) == null || fields.get(required).isBlank()) {
                throw new NoticeRejected(NotificationVerdict.REJECTED_MALFORMED, required + " is missing");
            }
        }
        long amount;
        try {
            amount = vnd(fields.get("vnp_Amount"));
        } catch (IllegalArgumentException e) {
            throw new NoticeRejected(NotificationVerdict.REJECTED_AMOUNT, e.getMessage());
        }
        String currency = fields.getOrDefault("vnp_CurrCode", "");
        String response = fields.get("vnp_ResponseCode");
        Outcome outcome = PAID.equals(response) && TXN_SUCCESS.equals(fields.get("vnp_TransactionStatus")) ? Outcome.SUCCEEDED
                : CUSTOMER_CANCELLED.equals(response) ? Outcome.CANCELLED : Outcome.FAILED;
        return new ProviderNotice(fields.get("vnp_TxnRef"), null, fields.get("vnp_TransactionNo"), amount, currency,
                outcome, response);
    }

    /** The IPN acknowledgement code for our verdict. */
    public static String ackCode(NotificationVerdict verdict) {
        return switch (verdict) {
            case ACCEPTED, LATE_ACCEPTED -> ACK_OK;
            case DUPLICATE, IGNORED_FINAL -> ACK_ALREADY_CONFIRMED;
            case REJECTED_UNKNOWN_REFERENCE -> ACK_NOT_FOUND;
            case REJECTED_AMOUNT -> ACK_INVALID_AMOUNT;
            case REJECTED_SIGNATURE -> ACK_INVALID_SIGNATURE;
            case REJECTED_MALFORMED, REJECTED_CURRENCY -> ACK_OTHER;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
