package vn.motcua.notification.message;

import vn.motcua.contracts.events.CloudEventCodec;

import java.time.OffsetDateTime;

/** API times carry Vietnam's offset (+07:00), whatever offset the database driver returned. */
public final class Times {

    private Times() {
    }

    public static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(CloudEventCodec.ZONE).toOffsetDateTime();
    }
}
