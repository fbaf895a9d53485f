package vn.motcua.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.motcua.payment.config.PaymentConfig;
import vn.motcua.payment.payment.Payment;
import vn.motcua.payment.payment.PaymentService;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Provider callbacks: no JWT (providers have none), verified by the provider's signature instead. Only the
 * server-to-server notification changes a payment; the browser return page never does (a browser can be made to
 * say anything), it only sends the payer back to the frontend with what we know.
 */
@Path("/api/v1/payments/callbacks")
@PermitAll
@Tag(name = "Provider callbacks", description = "Signed notifications and return pages of payment providers (no JWT)")
public class CallbackResource {

    @Inject
    PaymentService payments;
    @Inject
    GatewayProvider gateway;
    @Inject
    PaymentConfig config;
    @Inject
    ObjectMapper json;

    /** Fields only the gateway's answer carries (its result), and fields only our payment request carries. */
    static final java.util.List<String> GATEWAY_RESPONSE_FIELDS = java.util.List.of("vnp_ResponseCode",
            "vnp_TransactionNo", "vnp_TransactionStatus");
    static final java.util.List<String> GATEWAY_REQUEST_FIELDS = java.util.List.of("vnp_Command", "vnp_ReturnUrl",
            "vnp_IpAddr", "vnp_CreateDate", "vnp_ExpireDate", "vnp_Version", "vnp_Locale", "vnp_OrderType");

    public record GatewayAck(String RspCode, String Message) {
    }

    /** The platform's payment results on its return page; anything else was not signed by it as a result. */
    static final java.util.Set<String> NPP_RETURN_STATUSES = java.util.Set.of("SUCCESS", "FAILED", "CANCELLED", "PENDING");

    public record NppAck(String code, String message) {
    }

    @GET
    @Path("/gateway/notify")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Card/QR gateway IPN", description = "Signed server-to-server notification (HMAC-SHA512 over the "
            + "sorted vnp_ parameters). Signature, terminal, reference, currency and amount are verified before anything "
            + "changes. Answers RspCode 00 (confirmed), 02 (already confirmed: duplicate or replay, nothing changed), "
            + "01 (order not found), 04 (invalid amount), 97 (invalid signature), 99 (other).")
    @APIResponse(responseCode = "200", description = "Acknowledgement for the gateway", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "confirmed", value = "{\"RspCode\":\"00\",\"Message\":\"Confirm Success\"}")))
    public GatewayAck gatewayNotify(@Context UriInfo uri) {
        Map<String, String> fields = flat(uri);
        PaymentService.NotificationResult result = payments.applyNotification(ProviderCode.GATEWAY, fields,
                uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery());
        return new GatewayAck(GatewayProvider.ackCode(result.verdict()), result.verdict().name());
    }

    @GET
    @Path("/gateway/return")
    @Operation(summary = "Card/QR gateway return page", description = "Where the gateway sends the payer's browser. "
            + "Accepts only a response signed by the gateway (its result fields present, none of our request's), then redirects (303) to the frontend's returnUrl with paymentId and the status we "
            + "hold. Changes nothing.")
    @APIResponse(responseCode = "303", description = "Back to the frontend")
    @APIResponse(responseCode = "400", description = "Signature does not verify", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response gatewayReturn(@Context UriInfo uri) {
        Map<String, String> fields = flat(uri);
        String expected = Signatures.hmacSha512(config.providers().gateway().secret(), Signatures.canonicalQuery(fields));
        if (!Signatures.same(expected, fields.get("vnp_SecureHash"))) {
            throw new CommonProblems.InvalidInput("vnp_SecureHash", "does not verify");
        }
        // Our own checkout URL is signed with the same secret and the same canonical query: only the gateway's
        // response (which carries its result fields and none of our request's) may use this page.
        for (String responseField : GATEWAY_RESPONSE_FIELDS) {
            if (fields.get(responseField) == null || fields.get(responseField).isBlank()) {
                throw new CommonProblems.InvalidInput(responseField, "missing: not a response of the gateway");
            }
        }
        for (String requestField : GATEWAY_REQUEST_FIELDS) {
            if (fields.containsKey(requestField)) {
                throw new CommonProblems.InvalidInput(requestField, "a field of our request, not of the gateway's response");
            }
        }
        if (!config.providers().gateway().terminalCode().equals(fields.get("vnp_TmnCode"))) {
            throw new CommonProblems.InvalidInput("vnp_TmnCode", "not our terminal");
        }
        return backToFrontend(fields.get("vnp_TxnRef"));
    }

    @POST
    @Path("/npp/notify")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "National payment platform notification", description = "Signed (SHA-256 over the fields joined "
            + "with '|' plus the shared secret). Answers code 00 (confirmed), 04 (already confirmed), 01 (not found), "
            + "02 (invalid hash), 03 (invalid amount), 99 (other). The 00 answer is our confirmation of the payment.")
    @APIResponse(responseCode = "200", description = "Acknowledgement", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "confirmed", value = "{\"code\":\"00\",\"message\":\"ACCEPTED\"}")))
    public NppAck nppNotify(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
            }
        } catch (Exception e) {
            return new NppAck(NppProtocol.OTHER, "REJECTED_MALFORMED");
        }
        PaymentService.NotificationResult result = payments.applyNotification(ProviderCode.NPP, fields, body);
        return new NppAck(NppProtocol.ackCode(result.verdict()), result.verdict().name());
    }

    @GET
    @Path("/npp/return")
    @Operation(summary = "National payment platform return page", description = "Verifies the hash of requestId and "
            + "status and redirects (303) to the frontend. Changes nothing.")
    @APIResponse(responseCode = "303", description = "Back to the frontend")
    @APIResponse(responseCode = "400", description = "Hash does not verify", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response nppReturn(@Context UriInfo uri) {
        Map<String, String> fields = flat(uri);
        String expected = NppProtocol.hash(config.providers().npp().secret(), config.providers().npp().partnerCode(),
                fields.getOrDefault("requestId", ""), fields.getOrDefault("status", ""));
        if (!Signatures.same(expected, fields.get("hash"))) {
            throw new CommonProblems.InvalidInput("hash", "does not verify");
        }
        if (!NPP_RETURN_STATUSES.contains(fields.getOrDefault("status", ""))) {
            throw new CommonProblems.InvalidInput("status", "not a result of the platform");
        }
        return backToFrontend(fields.get("requestId"));
    }

    private Response backToFrontend(String reference) {
        Payment payment = payments.byReference(reference == null ? "" : reference)
                .orElseThrow(() -> new CommonProblems.NotFound("payment with reference", String.valueOf(reference)));
        String target = payment.returnUrl + (payment.returnUrl.contains("?") ? "&" : "?") + "paymentId="
                + Signatures.encode(payment.id) + "&status=" + payment.status;
        return Response.seeOther(URI.create(target)).build();
    }

    private static Map<String, String> flat(UriInfo uri) {
        Map<String, String> fields = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, v) -> fields.put(k, v.isEmpty() ? "" : v.get(0)));
        return fields;
    }
}
