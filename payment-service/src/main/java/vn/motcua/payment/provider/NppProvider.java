package vn.motcua.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import vn.motcua.payment.config.PaymentConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static vn.motcua.payment.provider.NppProtocol.hash;

/**
 * National payment platform client: an INIT message (partner code, reference = dossier code, amount in VND, fee
 * lines, hash), a signed notify to our callback, and signed check / refund calls.
 */
@ApplicationScoped
public class NppProvider implements PaymentProvider {

    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,18}");

    @Inject
    PaymentConfig config;
    @Inject
    ProviderHttp http;
    @Inject
    SelfUrl self;

    @Override
    public ProviderCode code() {
        return ProviderCode.NPP;
    }

    @Override
    public boolean enabled() {
        // the sandbox's well-known secret is only acceptable while the sandbox is what we talk to
        return config.providers().npp().enabled()
                && (config.sandbox().enabled() || !config.providers().npp().secret().startsWith("SANDBOX-"));
    }

    String apiUrl() {
        return config.providers().npp().apiUrl().orElseGet(() -> self.base() + "/sandbox/npp/api/v1");
    }

    String secret() {
        return config.providers().npp().secret();
    }

    String partner() {
        return config.providers().npp().partnerCode();
    }

    @Override
    public Checkout checkout(CheckoutOrder order) {
        Map<String, Object> init = new LinkedHashMap<>();
        String createdAt = GatewayProtocol.time(order.createdAt());
        String amount = Long.toString(order.amountVnd());
        init.put("version", "1.0");
        init.put("partnerCode", partner());
        init.put("requestId", order.reference());
        init.put("reference", order.dossierCode());
        init.put("amount", amount);
        init.put("currency", "VND");
        init.put("feeLines", order.fees().stream()
                .map(f -> Map.of("code", f.code(), "name", f.name(), "amount", Long.toString(f.amountVnd()))).toList());
        init.put("description", order.description());
        init.put("returnUrl", order.returnUrl());
        init.put("notifyUrl", order.notifyUrl());
        init.put("createdAt", createdAt);
        init.put("expiresAt", GatewayProtocol.time(order.expiresAt()));
        init.put("hash", hash(secret(), partner(), order.reference(), order.dossierCode(), amount, "VND",
                NppProtocol.feeLines(order.fees()), order.returnUrl(), order.notifyUrl(), createdAt));
        JsonNode answer = http.postJson("npp", apiUrl() + "/payments/init", init);
        String code = text(answer, "code");
        if (!Signatures.same(hash(secret(), code, text(answer, "transactionId"), text(answer, "paymentUrl")),
                text(answer, "hash"))) {
            throw new ProviderUnavailableException("npp", "INIT answer hash does not verify");
        }
        if (!NppProtocol.OK.equals(code)) {
            throw new ProviderUnavailableException("npp", "INIT refused with code " + code + ": " + text(answer, "message"));
        }
        return new Checkout(text(answer, "paymentUrl"), text(answer, "transactionId"));
    }

    @Override
    public ProviderStatus query(QueryOrder order) {
        Map<String, String> check = new LinkedHashMap<>();
        check.put("partnerCode", partner());
        check.put("requestId", order.reference());
        check.put("reference", order.dossierCode());
        check.put("hash", hash(secret(), partner(), order.reference(), order.dossierCode()));
        JsonNode answer = http.postJson("npp", apiUrl() + "/payments/check", check);
        String code = text(answer, "code");
        String status = text(answer, "status");
        if (!Signatures.same(hash(secret(), code, order.reference(), text(answer, "transactionId"),
                text(answer, "amount"), text(answer, "currency"), status), text(answer, "hash"))) {
            throw new ProviderUnavailableException("npp", "check answer hash does not verify");
        }
        if (NppProtocol.NOT_FOUND.equals(code)) {
            return new ProviderStatus(Outcome.NOT_FOUND, null, 0, "VND", code);
        }
        if (!NppProtocol.OK.equals(code) || !AMOUNT.matcher(text(answer, "amount")).matches()) {
            throw new ProviderUnavailableException("npp", "check answered code " + code);
        }
        return new ProviderStatus(outcomeOf(status), text(answer, "transactionId"), Long.parseLong(text(answer, "amount")),
                text(answer, "currency"), status);
    }

    @Override
    public String refund(RefundOrder order) {
        Map<String, String> body = new LinkedHashMap<>();
        String amount = Long.toString(order.amountVnd());
        body.put("partnerCode", partner());
        body.put("requestId", order.reference());
        body.put("transactionId", order.providerTransactionId());
        body.put("refundId", order.refundId());
        body.put("amount", amount);
        body.put("hash", hash(secret(), partner(), order.reference(), order.providerTransactionId(), order.refundId(), amount));
        JsonNode answer = http.postJson("npp", apiUrl() + "/payments/refund", body);
        String code = text(answer, "code");
        if (!Signatures.same(hash(secret(), code, order.refundId(), text(answer, "refundTransactionId")), text(answer, "hash"))) {
            throw new ProviderUnavailableException("npp", "refund answer hash does not verify");
        }
        if (!NppProtocol.OK.equals(code)) {
            throw new ProviderUnavailableException("npp", "refund refused with code " + code);
        }
        return text(answer, "refundTransactionId");
    }

    /** Notification fields covered by its hash, in order. */
    public static final List<String> NOTIFY_FIELDS = List.of("partnerCode", "requestId", "reference", "transactionId",
            "amount", "currency", "status", "paidAt");

    @Override
    public ProviderNotice read(Map<String, String> fields) throws NoticeRejected {
        String[] values = NOTIFY_FIELDS.stream().map(f -> fields.getOrDefault(f, "")).toArray(String[]::new);
        if (!Signatures.same(hash(secret(), values), fields.get("hash"))) {
            throw new NoticeRejected(NotificationVerdict.REJECTED_SIGNATURE, "hash does not verify");
        }
        if (!partner().equals(fields.get("partnerCode"))) {
            throw new NoticeRejected(NotificationVerdict.REJECTED_MALFORMED, "partnerCode is not ours");
        }
        if (fields.getOrDefault("requestId", "").isBlank() || fields.getOrDefault("status", "").isBlank()) {
            throw new NoticeRejected(NotificationVerdict.REJECTED_MALFORMED, "requestId and status are required");
        }
        String amount = fields.getOrDefault("amount", "");
        if (!AMOUNT.matcher(amount).matches()) {
            throw new NoticeRejected(NotificationVerdict.REJECTED_AMOUNT, "amount '" + amount + "' is not a whole non-negative number");
        }
        return new ProviderNotice(fields.get("requestId"), fields.get("reference"), fields.get("transactionId"),
                Long.parseLong(amount), fields.getOrDefault("currency", ""), outcomeOf(fields.get("status")), fields.get("status"));
    }

    static Outcome outcomeOf(String status) {
        return switch (status) {
            case "SUCCESS" -> Outcome.SUCCEEDED;
            case "PENDING" -> Outcome.PENDING;
            case "CANCELLED" -> Outcome.CANCELLED;
            default -> Outcome.FAILED;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }
}
