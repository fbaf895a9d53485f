package vn.motcua.delivery.status;

import vn.motcua.delivery.order.DeliveryStatus;

import java.time.OffsetDateTime;

/**
 * Decides what a (new, valid, well-addressed) report does to an order. Plain Java, unit tested for every pair of
 * statuses. Reports may arrive late or twice; a terminal order never moves; a report older than the one that set the
 * current status, or one for an earlier leg of the journey, is history, not news.
 */
public final class ReportRules {

    /** The decision, and for a refusal the reason. */
    public record Decision(ReportOutcome outcome, String reason) {
    }

    private ReportRules() {
    }

    public static Decision decide(DeliveryStatus current, OffsetDateTime lastReportAt, DeliveryStatus reported,
                                  OffsetDateTime occurredAt) {
        if (current.terminal()) {
            return new Decision(ReportOutcome.IGNORED_TERMINAL, "the order is already " + current);
        }
        if (current == DeliveryStatus.WAITING_FOR_WAYBILL) {
            return new Decision(ReportOutcome.REJECTED, "the order has not been handed to the operator yet");
        }
        if (lastReportAt != null && occurredAt.isBefore(lastReportAt)) {
            return new Decision(ReportOutcome.OUT_OF_ORDER, "older than the report of " + lastReportAt
                    + " that set " + current);
        }
        if (current.operatorMayMoveTo(reported)) {
            return new Decision(ReportOutcome.APPLIED, null);
        }
        if (reported.ordinal() <= current.ordinal()) {
            // an earlier leg (e.g. PICKED_UP after IN_TRANSIT) reported late, or with a skewed clock
            return new Decision(ReportOutcome.OUT_OF_ORDER, reported + " is not a later step than " + current);
        }
        return new Decision(ReportOutcome.REJECTED, "an order that is " + current + " cannot become " + reported);
    }
}
