package vn.motcua.delivery.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import vn.motcua.contracts.delivery.PostalOperatorMessages.StatusReport;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.web.problem.CommonProblems;
import vn.motcua.web.problem.Problem;
import vn.motcua.web.security.Caller;
import vn.motcua.web.security.Roles;

import java.util.ArrayList;
import java.util.List;

/** The REST path of operator status reports: a batch, each report judged on its own. */
@Path("/api/v1/deliveries/operator/status-reports")
@Tag(name = "Postal operator")
@SecurityRequirement(name = "jwt")
public class StatusReportResource {

    public static final int MAX_BATCH = 500;
    public static final String OPERATOR_CLAIM = "operator";
    private static final Logger LOG = Logger.getLogger(StatusReportResource.class);

    @Inject
    StatusReportProcessor processor;
    @Inject
    Caller caller;

    @Schema(name = "StatusReportBatchResponse")
    public record BatchResponse(
            @Schema(example = "3") int received,
            @Schema(example = "2", description = "APPLIED, DUPLICATE, OUT_OF_ORDER or IGNORED_TERMINAL") int accepted,
            @Schema(example = "1") int rejected,
            List<ReportResult> results) {
    }

    @Schema(name = "StatusReportBatch")
    public record BatchSchema(@Schema(maxItems = MAX_BATCH, minItems = 1) List<StatusReport> reports) {
    }

    @POST
    @RolesAllowed(Roles.POSTAL_OPERATOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report status changes of parcels (batch of up to 500)",
            description = "The operator's token must carry the claim `operator` (e.g. VNPOST). Each report is "
                    + "processed in its own transaction: one bad report never drops the good ones; `results` says, "
                    + "per position, APPLIED, DUPLICATE (report id seen before, over REST or Kafka), OUT_OF_ORDER "
                    + "(older than the current status: kept in the timeline only), IGNORED_TERMINAL (the order was "
                    + "already delivered/returned/lost/cancelled) or REJECTED with a code. Safe to resend: report ids "
                    + "make it idempotent. The same reports may instead be produced to Kafka topic "
                    + "postal.status-reports (see docs/asyncapi/postal-operator.yaml). Strongly consistent: the "
                    + "order shows the change when the response arrives.")
    @RequestBody(content = @Content(schema = @Schema(implementation = BatchSchema.class), examples = @ExampleObject(
            name = "picked up and delivered", value = """
            {"reports": [
              {"reportId": "VNP-20261123-000123", "trackingNumber": "EL100000017VN", "orderNumber": "000.00.12.H29-261123-0001",
               "status": "PICKED_UP", "carrierCode": "100", "postOffice": {"code": "100000", "name": "Bưu cục Ba Đình"},
               "occurredAt": "2026-11-23T09:15:00+07:00"},
              {"reportId": "VNP-20261124-000456", "trackingNumber": "EL100000017VN", "status": "DELIVERED",
               "carrierCode": "500", "occurredAt": "2026-11-24T10:02:00+07:00", "attempt": 1,
               "proof": {"receiverName": "Nguyễn Văn An", "relation": "SELF", "signatureReference": "sig/EL100000017VN.png"}}
            ]}""")))
    @APIResponse(responseCode = "200", description = "Per-report results (also when some were rejected)",
            content = @Content(schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, no `reports` array, empty or more than 500 reports",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No or invalid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a postal operator, or the token has no `operator` claim",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BatchResponse report(String text) {
        String operatorCode = caller.claim(OPERATOR_CLAIM).filter(s -> !s.isBlank())
                .orElseThrow(() -> new CommonProblems.Forbidden("the token carries no `operator` claim"));
        // read here rather than by the framework, so that a broken item is judged on its own
        JsonNode body;
        try {
            body = CloudEventCodec.mapper().readTree(text == null ? "" : text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedJson(e.getOriginalMessage());
        }
        if (body == null || !body.isObject() || !body.path("reports").isArray()) {
            throw new MalformedBatch("the body must be an object with an array `reports`");
        }
        JsonNode reports = body.get("reports");
        if (reports.isEmpty() || reports.size() > MAX_BATCH) {
            throw new MalformedBatch("`reports` must hold 1 to " + MAX_BATCH + " reports, not " + reports.size());
        }
        List<ReportResult> results = new ArrayList<>(reports.size());
        for (int i = 0; i < reports.size(); i++) {
            results.add(one(operatorCode, reports.get(i)).at(i));
        }
        int rejected = (int) results.stream().filter(r -> r.outcome() == ReportOutcome.REJECTED).count();
        return new BatchResponse(results.size(), results.size() - rejected, rejected, results);
    }

    private ReportResult one(String operatorCode, JsonNode item) {
        StatusReport report;
        try {
            if (!item.isObject()) {
                throw new IllegalArgumentException("a report must be a JSON object");
            }
            report = CloudEventCodec.mapper().treeToValue(item, StatusReport.class);
        } catch (Exception e) {
            String reportId = item.path("reportId").isTextual() ? item.path("reportId").asText() : null;
            String trackingNumber = item.path("trackingNumber").isTextual() ? item.path("trackingNumber").asText() : null;
            String field = "body";
            String message = e.getMessage() == null ? "unreadable" : e.getMessage().split("\n")[0];
            if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
                field = mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                        : "[" + r.getIndex() + "]").reduce((a, b) -> a + "." + b).orElse("body");
                message = mapping.getOriginalMessage().split("\n")[0];
            }
            ReportResult result = StatusReportProcessor.invalid(reportId, trackingNumber,
                    List.of(new Problem.Violation(field, message.length() > 300 ? message.substring(0, 300) : message)));
            QuarkusTransaction.requiringNew().run(() -> processor.rejected(operatorCode, reportId, trackingNumber,
                    StatusReportProcessor.Channel.REST, result.code(), result.detail()));
            return result;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() ->
                    processor.process(operatorCode, report, StatusReportProcessor.Channel.REST));
        } catch (RuntimeException e) {
            // e.g. the database was briefly unavailable: this report only, and the operator may simply resend it
            LOG.warnf(e, "status report %s of %s could not be processed", report.reportId(), operatorCode);
            return ReportResult.rejected(report.reportId(), report.trackingNumber(), "TRY_AGAIN",
                    "the report could not be processed now; send it again", List.of());
        }
    }

    public static class MalformedJson extends vn.motcua.web.problem.ApiException {
        MalformedJson(String detail) {
            super(400, "MALFORMED_JSON", "Malformed JSON", "The request body is not valid JSON: " + detail);
        }
    }

    public static class MalformedBatch extends vn.motcua.web.problem.ApiException {
        MalformedBatch(String detail) {
            super(400, "MALFORMED_BATCH", "Malformed batch", detail);
        }
    }
}
