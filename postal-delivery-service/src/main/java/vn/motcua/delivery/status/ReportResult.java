package vn.motcua.delivery.status;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.motcua.web.problem.Problem;

import java.util.List;

/**
 * The answer for one report of a batch.
 *
 * @param index       position in the batch (0-based)
 * @param orderStatus the order's status after the report (absent when rejected before an order was found)
 * @param code        for REJECTED: UNKNOWN_TRACKING_NUMBER, NOT_YOUR_ORDER, ORDER_NUMBER_MISMATCH, OPERATOR_MISMATCH,
 *                    INVALID_TRACKING_NUMBER, UNKNOWN_STATUS, INVALID_REPORT, TRANSITION_NOT_ALLOWED
 */
@Schema(name = "StatusReportResult")
public record ReportResult(
        @Schema(example = "0") int index,
        @Schema(example = "VNP-20261123-000123") String reportId,
        @Schema(example = "EL100000017VN") String trackingNumber,
        @Schema(example = "APPLIED") ReportOutcome outcome,
        @Schema(example = "PICKED_UP") String orderStatus,
        @Schema(example = "UNKNOWN_TRACKING_NUMBER") String code,
        @Schema(example = "no order has tracking number EL999999995VN") String detail,
        List<Problem.Violation> violations) {

    ReportResult at(int index) {
        return new ReportResult(index, reportId, trackingNumber, outcome, orderStatus, code, detail, violations);
    }

    static ReportResult rejected(String reportId, String trackingNumber, String code, String detail,
                                 List<Problem.Violation> violations) {
        return new ReportResult(0, reportId, trackingNumber, ReportOutcome.REJECTED, null, code, detail,
                violations == null ? List.of() : violations);
    }
}
