package vn.motcua.delivery.support;

import io.restassured.response.ValidatableResponse;
import vn.motcua.contracts.delivery.PostalOperatorMessages;
import vn.motcua.contracts.delivery.PostalOperatorMessages.DeliveryProof;
import vn.motcua.contracts.delivery.PostalOperatorMessages.PostOffice;
import vn.motcua.contracts.delivery.PostalOperatorMessages.StatusReport;
import vn.motcua.contracts.events.CloudEventCodec;
import vn.motcua.contracts.events.Topics;
import vn.motcua.testing.DevTokens;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Plays the postal operator from outside, with nothing but the published contract: reads {@code postal.orders},
 * reports back over REST (batch) or by producing to {@code postal.status-reports}.
 */
public final class TestOperator {

    private final String operatorCode;
    private final String token;

    public TestOperator(String operatorCode) {
        this.operatorCode = operatorCode;
        this.token = DevTokens.subject("svc-" + operatorCode.toLowerCase(), "postal-operator")
                .claim("operator", operatorCode).sign();
    }

    public String token() {
        return token;
    }

    public static StatusReport report(String trackingNumber, String status, OffsetDateTime at) {
        return new StatusReport("r-" + UUID.randomUUID(), null, trackingNumber, null, status, "C-" + status,
                new PostOffice("100000", "Bưu cục Ba Đình"), at, null, null, null, null);
    }

    public static StatusReport failed(String trackingNumber, OffsetDateTime at, int attempt) {
        return new StatusReport("r-" + UUID.randomUUID(), null, trackingNumber, null, "DELIVERY_FAILED", "FAIL-KVN",
                new PostOffice("100000", "Bưu cục Ba Đình"), at, "Người nhận vắng nhà", "Người nhận vắng nhà", attempt, null);
    }

    public static StatusReport delivered(String trackingNumber, OffsetDateTime at, int attempt) {
        return new StatusReport("r-" + UUID.randomUUID(), null, trackingNumber, null, "DELIVERED", "OK-500",
                new PostOffice("100000", "Bưu cục Ba Đình"), at, null, null, attempt,
                new DeliveryProof("Nguyễn Văn An", "SELF", "sig/" + trackingNumber + ".png", null));
    }

    /** POSTs a batch; the caller asserts on the response. */
    public ValidatableResponse overRest(List<?> reports) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("reports", reports))
                .when().post("/api/v1/deliveries/operator/status-reports").then();
    }

    /** Produces one report to the status topic, key = tracking number, as the contract says. */
    public void overKafka(StatusReport report) {
        StatusReport withOperator = new StatusReport(report.reportId(), operatorCode, report.trackingNumber(),
                report.orderNumber(), report.status(), report.carrierCode(), report.postOffice(), report.occurredAt(),
                report.note(), report.failureReason(), report.attempt(), report.proof());
        Events.send(Topics.POSTAL_STATUS_REPORTS, report.trackingNumber(), CloudEventCodec.create(
                "/postal-operators/" + operatorCode, PostalOperatorMessages.STATUS_REPORT, report.trackingNumber(),
                withOperator));
    }
}
