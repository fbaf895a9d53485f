package vn.motcua.payment.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.payment.config.PaymentConfig;
import vn.motcua.payment.provider.GatewayProtocol;
import vn.motcua.payment.provider.GatewayProvider;
import vn.motcua.payment.provider.NppProtocol;
import vn.motcua.payment.provider.NppProvider;
import vn.motcua.payment.provider.SelfUrl;
import vn.motcua.payment.provider.Signatures;
import vn.motcua.payment.sandbox.SandboxLedger.Protocol;
import vn.motcua.payment.sandbox.SandboxLedger.State;
import vn.motcua.payment.sandbox.SandboxLedger.Txn;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SANDBOX PAYMENT PROVIDER — development and tests only, never real money. Served only when
 * {@code motcua.payment.sandbox.enabled=true}. It plays the outside provider for both protocols and talks to
 * payment-service only over HTTP, exactly as a real provider would: it checks our signatures, shows a payment page,
 * sends signed notifications to our callback URLs and answers signed query and refund calls.
 *
 * <p>Outcomes a tester can pick on the payment page: SUCCESS, FAILURE, CANCEL (payer cancelled), TIMEOUT (the
 * provider never answers: no notification, no return, query says pending) and LATE (paid at the provider, but the
 * notification is held back until {@code POST /sandbox/transactions/{no}/notify}).
 */
@Path("/sandbox")
@PermitAll
@Tag(name = "SANDBOX provider", description = "Simulated payment provider for development and tests (no real money)")
public class SandboxProvider {

    private static final Logger LOG = Logger.getLogger(SandboxProvider.class);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");

    @Inject
    PaymentConfig config;
    @Inject
    SandboxLedger ledger;
    @Inject
    SelfUrl self;
    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private void requireEnabled() {
        if (!config.sandbox().enabled()) {
            throw new NotFoundException();
        }
    }

    private String gatewaySecret() {
        return config.providers().gateway().secret();
    }

    private String nppSecret() {
        return config.providers().npp().secret();
    }

    // ------------------------------------------------------------------ gateway: payment page

    @GET
    @Path("/gateway/pay")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "SANDBOX gateway payment page", description = "Checks the HMAC-SHA512 signature of the redirect and shows the outcomes to simulate.")
    public Response gatewayPay(@Context UriInfo uri) {
        requireEnabled();
        Map<String, String> params = flat(uri);
        String expected = Signatures.hmacSha512(gatewaySecret(), Signatures.canonicalQuery(params));
        if (!Signatures.same(expected, params.get("vnp_SecureHash"))) {
            return page(400, "Sai chữ ký (code 97): the redirect was altered or signed with another secret. Nothing was paid.");
        }
        if (!config.providers().gateway().terminalCode().equals(params.get("vnp_TmnCode"))
                || !GatewayProtocol.CURRENCY.equals(params.get("vnp_CurrCode"))) {
            return page(400, "Unknown terminal or unsupported currency (code 99). Nothing was paid.");
        }
        long amount;
        try {
            amount = GatewayProtocol.vnd(params.get("vnp_Amount"));
        } catch (IllegalArgumentException e) {
            return page(400, "Invalid amount (code 04): " + e.getMessage());
        }
        if (amount <= 0) {
            return page(400, "Invalid amount (code 04): must be positive");
        }
        Txn txn = ledger.open(Protocol.GATEWAY, params.get("vnp_TxnRef"), null, amount, params.get("vnp_ReturnUrl"),
                self.base() + "/api/v1/payments/callbacks/gateway/notify", params.get("vnp_OrderInfo"));
        return choices(txn);
    }

    // ------------------------------------------------------------------ npp: INIT, page, check, refund

    @POST
    @Path("/npp/api/v1/payments/init")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SANDBOX national payment platform INIT")
    public Map<String, String> nppInit(Map<String, Object> init) {
        requireEnabled();
        ledger.delay();
        String partner = str(init.get("partnerCode"));
        String requestId = str(init.get("requestId"));
        String reference = str(init.get("reference"));
        String amount = str(init.get("amount"));
        List<?> lines = init.get("feeLines") instanceof List<?> l ? l : List.of();
        String feeLines = String.join(";", lines.stream().map(o -> (Map<?, ?>) o)
                .map(m -> str(m.get("code")) + ":" + str(m.get("amount"))).toList());
        String expected = NppProtocol.hash(nppSecret(), partner, requestId, reference, amount, str(init.get("currency")),
                feeLines, str(init.get("returnUrl")), str(init.get("notifyUrl")), str(init.get("createdAt")));
        if (!Signatures.same(expected, str(init.get("hash")))) {
            return nppAnswer(NppProtocol.INVALID_HASH, "invalid hash", "", "");
        }
        if (!DIGITS.matcher(amount).matches() || Long.parseLong(amount) <= 0 || !"VND".equals(init.get("currency"))) {
            return nppAnswer(NppProtocol.INVALID_AMOUNT, "invalid amount or currency", "", "");
        }
        long sum = 0;
        for (Object line : lines) {
            String a = str(((Map<?, ?>) line).get("amount"));
            if (!DIGITS.matcher(a).matches()) {
                return nppAnswer(NppProtocol.INVALID_AMOUNT, "invalid fee line", "", "");
            }
            sum += Long.parseLong(a);
        }
        if (sum != Long.parseLong(amount)) {
            return nppAnswer(NppProtocol.INVALID_AMOUNT, "fee lines do not add up to the amount", "", "");
        }
        Txn txn = ledger.open(Protocol.NPP, requestId, reference, Long.parseLong(amount), str(init.get("returnUrl")),
                str(init.get("notifyUrl")), str(init.get("description")));
        return nppAnswer(NppProtocol.OK, "ok", txn.transactionNo, self.base() + "/sandbox/npp/pay/" + txn.transactionNo);
    }

    private Map<String, String> nppAnswer(String code, String message, String transactionId, String paymentUrl) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("message", message);
        answer.put("transactionId", transactionId);
        answer.put("paymentUrl", paymentUrl);
        answer.put("hash", NppProtocol.hash(nppSecret(), code, transactionId, paymentUrl));
        return answer;
    }

    @GET
    @Path("/npp/pay/{no}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "SANDBOX national payment platform payment page")
    public Response nppPay(@PathParam("no") String no) {
        requireEnabled();
        return ledger.byNumber(no).map(this::choices).orElseGet(() -> page(404, "Unknown transaction"));
    }

    @POST
    @Path("/npp/api/v1/payments/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SANDBOX national payment platform check")
    public Map<String, String> nppCheck(Map<String, String> check) {
        requireEnabled();
        ledger.delay();
        String requestId = str(check.get("requestId"));
        Map<String, String> answer = new LinkedHashMap<>();
        if (!Signatures.same(NppProtocol.hash(nppSecret(), str(check.get("partnerCode")), requestId,
                str(check.get("reference"))), check.get("hash"))) {
            answer.put("code", NppProtocol.INVALID_HASH);
        } else {
            ledger.byReference(Protocol.NPP, requestId).ifPresentOrElse(txn -> {
                answer.put("code", NppProtocol.OK);
                answer.put("transactionId", txn.transactionNo);
                answer.put("amount", Long.toString(txn.amountVnd));
                answer.put("currency", "VND");
                answer.put("status", nppStatus(txn.state));
            }, () -> answer.put("code", NppProtocol.NOT_FOUND));
        }
        answer.putIfAbsent("transactionId", "");
        answer.putIfAbsent("amount", "");
        answer.putIfAbsent("currency", "");
        answer.putIfAbsent("status", "");
        answer.put("hash", NppProtocol.hash(nppSecret(), answer.get("code"), requestId, answer.get("transactionId"),
                answer.get("amount"), answer.get("currency"), answer.get("status")));
        return answer;
    }

    @POST
    @Path("/npp/api/v1/payments/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SANDBOX national payment platform refund")
    public Map<String, String> nppRefund(Map<String, String> body) {
        requireEnabled();
        ledger.delay();
        String refundId = str(body.get("refundId"));
        String code;
        String refundTxn = "";
        if (!Signatures.same(NppProtocol.hash(nppSecret(), str(body.get("partnerCode")), str(body.get("requestId")),
                str(body.get("transactionId")), refundId, str(body.get("amount"))), body.get("hash"))) {
            code = NppProtocol.INVALID_HASH;
        } else {
            refundTxn = refundInto(Protocol.NPP, str(body.get("requestId")), str(body.get("amount")), refundId);
            code = refundTxn.isEmpty() ? NppProtocol.INVALID_AMOUNT : NppProtocol.OK;
        }
        ledger.afterProcessing();
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("code", code);
        answer.put("refundId", refundId);
        answer.put("refundTransactionId", refundTxn);
        answer.put("hash", NppProtocol.hash(nppSecret(), code, refundId, refundTxn));
        return answer;
    }

    /** Checks the request's fields, then refunds through the shared books (once per refund request id). */
    private String refundInto(Protocol protocol, String reference, String amount, String refundRequestId) {
        if (!DIGITS.matcher(amount).matches() || refundRequestId.isBlank()) {
            return "";
        }
        return ledger.refund(protocol, reference, Long.parseLong(amount), refundRequestId);
    }

    private static String nppStatus(State state) {
        return switch (state) {
            case PENDING -> "PENDING";
            case SUCCESS -> "SUCCESS";
            case FAILED -> "FAILED";
            case CANCELLED -> "CANCELLED";
        };
    }

    // ------------------------------------------------------------------ gateway: querydr and refund API

    @POST
    @Path("/gateway/api")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SANDBOX gateway API (querydr, refund)")
    public Map<String, String> gatewayApi(Map<String, String> request) {
        requireEnabled();
        ledger.delay();
        String command = str(request.get("vnp_Command"));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("vnp_ResponseId", "S" + System.nanoTime());
        answer.put("vnp_Command", command);
        answer.put("vnp_TmnCode", str(request.get("vnp_TmnCode")));
        answer.put("vnp_TxnRef", str(request.get("vnp_TxnRef")));
        if ("querydr".equals(command)) {
            String input = String.join("|", str(request.get("vnp_RequestId")), str(request.get("vnp_Version")), command,
                    str(request.get("vnp_TmnCode")), str(request.get("vnp_TxnRef")), str(request.get("vnp_TransactionDate")),
                    str(request.get("vnp_CreateDate")), str(request.get("vnp_IpAddr")), str(request.get("vnp_OrderInfo")));
            if (!Signatures.same(Signatures.hmacSha512(gatewaySecret(), input), request.get("vnp_SecureHash"))) {
                answer.put("vnp_ResponseCode", GatewayProtocol.ACK_INVALID_SIGNATURE);
            } else {
                ledger.byReference(Protocol.GATEWAY, str(request.get("vnp_TxnRef"))).ifPresentOrElse(
                        txn -> queryAnswer(answer, txn),
                        () -> answer.put("vnp_ResponseCode", GatewayProtocol.QUERY_NOT_FOUND));
            }
        } else if ("refund".equals(command)) {
            if (!Signatures.same(Signatures.hmacSha512(gatewaySecret(), GatewayProvider.refundHashInput(request)),
                    request.get("vnp_SecureHash"))) {
                answer.put("vnp_ResponseCode", GatewayProtocol.ACK_INVALID_SIGNATURE);
            } else {
                long amount;
                try {
                    amount = GatewayProtocol.vnd(request.get("vnp_Amount"));
                } catch (IllegalArgumentException e) {
                    amount = -1;
                }
                String refundTxn = amount > 0 ? refundInto(Protocol.GATEWAY, str(request.get("vnp_TxnRef")),
                        Long.toString(amount), str(request.get("vnp_RequestId"))) : "";
                answer.put("vnp_ResponseCode", refundTxn.isEmpty() ? "94" : "00");
                answer.put("vnp_Amount", str(request.get("vnp_Amount")));
                answer.put("vnp_TransactionNo", refundTxn);
                ledger.afterProcessing();
            }
        } else {
            answer.put("vnp_ResponseCode", "99");
        }
        answer.put("vnp_Message", "SANDBOX");
        answer.put("vnp_SecureHash", Signatures.hmacSha512(gatewaySecret(), GatewayProvider.answerHashInput(answer)));
        return answer;
    }

    private static void queryAnswer(Map<String, String> answer, Txn txn) {
        answer.put("vnp_ResponseCode", "00");
        answer.put("vnp_Amount", GatewayProtocol.amount(txn.amountVnd));
        answer.put("vnp_TransactionNo", txn.transactionNo);
        answer.put("vnp_TransactionStatus", switch (txn.state) {
            case PENDING -> GatewayProtocol.TXN_PENDING;
            case SUCCESS -> GatewayProtocol.TXN_SUCCESS;
            case FAILED -> GatewayProtocol.TXN_FAILED;
            case CANCELLED -> GatewayProtocol.TXN_CANCELLED;
        });
        if (txn.paidAt != null) {
            answer.put("vnp_PayDate", GatewayProtocol.time(txn.paidAt));
        }
    }

    // ------------------------------------------------------------------ outcomes, notifications

    @GET
    @Path("/pay/{no}/complete")
    @Operation(summary = "SANDBOX: finish a payment with a simulated outcome",
            description = "outcome = SUCCESS, FAILURE, CANCEL, TIMEOUT (never answers) or LATE (paid; notification held back)")
    public Response complete(@PathParam("no") String no, @QueryParam("outcome") String outcome) {
        requireEnabled();
        Txn txn = ledger.byNumber(no).orElse(null);
        if (txn == null) {
            return page(404, "Unknown transaction");
        }
        if (txn.state != State.PENDING) {
            return page(409, "This transaction is already " + txn.state);
        }
        String choice = outcome == null ? "" : outcome.toUpperCase();
        if ("TIMEOUT".equals(choice)) {
            return page(200, "SANDBOX: the provider keeps this payment pending and will never answer. "
                    + "payment-service must find out by querying, and expire it when the window closes.");
        }
        Optional<Txn> finished = switch (choice) {
            case "SUCCESS", "LATE" -> ledger.finish(no, State.SUCCESS, OffsetDateTime.now(CloudEventCodec.ZONE), GatewayProtocol.PAID);
            case "FAILURE" -> ledger.finish(no, State.FAILED, null, "51"); // insufficient funds
            case "CANCEL" -> ledger.finish(no, State.CANCELLED, null, GatewayProtocol.CUSTOMER_CANCELLED);
            default -> null;
        };
        if (finished == null) {
            return page(400, "outcome must be SUCCESS, FAILURE, CANCEL, TIMEOUT or LATE");
        }
        if (finished.isEmpty()) { // finished meanwhile, maybe through another instance
            return page(409, "This transaction is already " + ledger.byNumber(no).map(t -> t.state).orElse(txn.state));
        }
        txn = finished.get();
        if (!"LATE".equals(choice)) {
            notify(txn);
        }
        return Response.status(302).location(URI.create(returnLocation(txn))).build();
    }

    @POST
    @Path("/transactions/{no}/notify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SANDBOX: send (again) the signed notification of a finished transaction",
            description = "For late notifications and replays. Answers what payment-service acknowledged.")
    public Response sendNotification(@PathParam("no") String no) {
        requireEnabled();
        Txn txn = ledger.byNumber(no).orElse(null);
        if (txn == null || txn.state == State.PENDING) {
            return Response.status(409).type(MediaType.APPLICATION_JSON).entity(Map.of("error", "not finished")).build();
        }
        return Response.ok(notify(txn), MediaType.APPLICATION_JSON).build();
    }

    @POST
    @Path("/control")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "SANDBOX: make the provider API slow (apiDelayMillis, before it acts), or lose its "
            + "answers (answerDelayMillis: it refunds, then answers too late), to simulate timeouts")
    public Map<String, Long> control(Map<String, Number> settings) {
        requireEnabled();
        ledger.apiDelayMillis(settings.getOrDefault("apiDelayMillis", 0L).longValue());
        ledger.answerDelayMillis(settings.getOrDefault("answerDelayMillis", 0L).longValue());
        return Map.of("apiDelayMillis", ledger.apiDelayMillis(), "answerDelayMillis", ledger.answerDelayMillis());
    }

    /** The signed fields of a gateway IPN / return for a finished transaction. */
    public Map<String, String> gatewayFields(Txn txn) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("vnp_TmnCode", config.providers().gateway().terminalCode());
        fields.put("vnp_Amount", GatewayProtocol.amount(txn.amountVnd));
        fields.put("vnp_CurrCode", GatewayProtocol.CURRENCY);
        fields.put("vnp_BankCode", "NCB");
        fields.put("vnp_OrderInfo", txn.orderInfo == null ? "" : txn.orderInfo);
        fields.put("vnp_PayDate", GatewayProtocol.time(txn.paidAt != null ? txn.paidAt : OffsetDateTime.now(CloudEventCodec.ZONE)));
        fields.put("vnp_ResponseCode", txn.responseCode);
        fields.put("vnp_TransactionNo", txn.transactionNo);
        fields.put("vnp_TransactionStatus", switch (txn.state) {
            case SUCCESS -> GatewayProtocol.TXN_SUCCESS;
            case PENDING -> GatewayProtocol.TXN_PENDING;
            default -> GatewayProtocol.TXN_FAILED;
        });
        fields.put("vnp_TxnRef", txn.reference);
        fields.put("vnp_SecureHash", Signatures.hmacSha512(gatewaySecret(), Signatures.canonicalQuery(fields)));
        return fields;
    }

    /** The signed body of a platform notification for a finished transaction. */
    public Map<String, String> nppFields(Txn txn) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("partnerCode", config.providers().npp().partnerCode());
        fields.put("requestId", txn.reference);
        fields.put("reference", txn.orderReference);
        fields.put("transactionId", txn.transactionNo);
        fields.put("amount", Long.toString(txn.amountVnd));
        fields.put("currency", "VND");
        fields.put("status", nppStatus(txn.state));
        fields.put("paidAt", txn.paidAt == null ? "" : GatewayProtocol.time(txn.paidAt));
        fields.put("hash", NppProtocol.hash(nppSecret(), NppProvider.NOTIFY_FIELDS.stream().map(fields::get).toArray(String[]::new)));
        return fields;
    }

    private String notify(Txn txn) {
        try {
            HttpRequest request;
            if (txn.protocol == Protocol.GATEWAY) {
                String query = String.join("&", gatewayFields(txn).entrySet().stream()
                        .map(e -> Signatures.encode(e.getKey()) + "=" + Signatures.encode(e.getValue())).toList());
                request = HttpRequest.newBuilder(URI.create(txn.notifyUrl + "?" + query)).timeout(Duration.ofSeconds(10)).GET().build();
            } else {
                request = HttpRequest.newBuilder(URI.create(txn.notifyUrl)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(nppFields(txn)))).build();
            }
            String answer = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            LOG.infof("SANDBOX notified %s of transaction %s (%s): %s", txn.notifyUrl, txn.transactionNo, txn.state, answer);
            return answer;
        } catch (Exception e) {
            LOG.warnf("SANDBOX could not notify %s: %s", txn.notifyUrl, e.getMessage());
            return "{\"error\":\"" + e.getClass().getSimpleName() + "\"}";
        }
    }

    private String returnLocation(Txn txn) {
        String separator = txn.returnUrl.contains("?") ? "&" : "?";
        if (txn.protocol == Protocol.GATEWAY) {
            return txn.returnUrl + separator + String.join("&", gatewayFields(txn).entrySet().stream()
                    .map(e -> Signatures.encode(e.getKey()) + "=" + Signatures.encode(e.getValue())).toList());
        }
        String status = nppStatus(txn.state);
        return txn.returnUrl + separator + "requestId=" + Signatures.encode(txn.reference) + "&status=" + status + "&hash="
                + NppProtocol.hash(nppSecret(), config.providers().npp().partnerCode(), txn.reference, status);
    }

    private Response choices(Txn txn) {
        StringBuilder html = new StringBuilder();
        html.append("<p>Giao dịch <b>").append(txn.transactionNo).append("</b> — ").append(escape(txn.orderInfo))
                .append(" — <b>").append(String.format(java.util.Locale.ROOT, "%,d", txn.amountVnd)).append(" VND</b></p><ul>");
        for (String outcome : List.of("SUCCESS", "FAILURE", "CANCEL", "TIMEOUT", "LATE")) {
            html.append("<li><a id=\"").append(outcome.toLowerCase()).append("\" href=\"/sandbox/pay/").append(txn.transactionNo)
                    .append("/complete?outcome=").append(outcome).append("\">").append(outcome).append("</a></li>");
        }
        return page(200, html.append("</ul>").toString());
    }

    private static Response page(int status, String body) {
        String html = "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>SANDBOX payment provider</title></head>"
                + "<body><h1 style=\"color:#b00\">SANDBOX — không phải cổng thanh toán thật / not a real payment provider</h1>"
                + body + "</body></html>";
        return Response.status(status).type("text/html; charset=UTF-8").entity(html).build();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Map<String, String> flat(UriInfo uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> fields.put(k, v.isEmpty() ? "" : v.get(0)));
        return fields;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
