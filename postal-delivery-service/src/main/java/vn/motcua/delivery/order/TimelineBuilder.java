package vn.motcua.delivery.order;

import java.time.OffsetDateTime;

/** Writes our own steps into an order's timeline. */
final class TimelineBuilder {

    private final DeliveryOrder order;

    TimelineBuilder(DeliveryOrder order) {
        this.order = order;
    }

    void system(String entry, OffsetDateTime at, String note) {
        TimelineEntry.of(order.id, entry, order.status, at, TimelineEntry.Source.SYSTEM, null, note).persist();
    }

    void officer(String entry, DeliveryStatus status, OffsetDateTime at, String actor, String note) {
        TimelineEntry.of(order.id, entry, status == null ? order.status : status, at, TimelineEntry.Source.OFFICER,
                actor, note).persist();
    }
}
