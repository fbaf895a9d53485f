package vn.motcua.appointment.booking;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.appointment.booking.BookingStatus.*;

class BookingStatusTest {

    /** Every allowed transition; everything else is refused. */
    private static final Map<BookingStatus, Set<BookingStatus>> ALLOWED = Map.of(
            HELD, EnumSet.of(CONFIRMED, CANCELLED, EXPIRED),
            CONFIRMED, EnumSet.of(CHECKED_IN, NO_SHOW, CANCELLED),
            CHECKED_IN, EnumSet.of(SERVED, NO_SHOW),
            SERVED, EnumSet.noneOf(BookingStatus.class),
            NO_SHOW, EnumSet.noneOf(BookingStatus.class),
            CANCELLED, EnumSet.noneOf(BookingStatus.class),
            EXPIRED, EnumSet.noneOf(BookingStatus.class));

    @Test
    void exactly_the_allowed_transitions_are_possible() {
        for (BookingStatus from : BookingStatus.values()) {
            for (BookingStatus to : BookingStatus.values()) {
                assertThat(from.canBecome(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void only_held_and_confirmed_bookings_hold_seats_and_can_change() {
        for (BookingStatus status : BookingStatus.values()) {
            boolean active = status == HELD || status == CONFIRMED;
            assertThat(status.isActive()).as(status.name()).isEqualTo(active);
            assertThat(status.isChangeable()).as(status.name()).isEqualTo(active);
            assertThat(status.isTerminal()).as(status.name()).isEqualTo(ALLOWED.get(status).isEmpty());
        }
    }

    @Test
    void a_second_check_in_is_refused_with_its_own_code() {
        Booking booking = new Booking();
        booking.code = "LHTEST";
        booking.status = CHECKED_IN;
        try {
            booking.moveTo(CHECKED_IN);
        } catch (vn.motcua.web.problem.ApiException e) {
            assertThat(e.code()).isEqualTo("ALREADY_CHECKED_IN");
            assertThat(e.status()).isEqualTo(409);
            return;
        }
        throw new AssertionError("double check-in was allowed");
    }

    @Test
    void booking_codes_are_readable_and_distinct() {
        Set<String> codes = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = BookingService.newCode();
            assertThat(code).matches("LH[2-9A-HJ-NP-Z]{8}");
            codes.add(code);
        }
        assertThat(codes).hasSize(2000);
    }
}
