package vn.motcua.dossier.dossier;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.dossier.dossier.DossierStatus.*;

/** Every pair of states: the allowed moves are exactly these, every other move is refused. */
class DossierStatusTest {

    static final Map<DossierStatus, Set<DossierStatus>> ALLOWED = new HashMap<>();
    static final Map<DossierStatus, Set<DossierStatus>> REOPENABLE = new HashMap<>();

    static {
        ALLOWED.put(DRAFT, EnumSet.of(SUBMITTED, AWAITING_PAYMENT, WITHDRAWN));
        ALLOWED.put(SUBMITTED, EnumSet.of(RECEIVED, REFUSED, SUPPLEMENT_REQUESTED, WITHDRAWN));
        ALLOWED.put(AWAITING_PAYMENT, EnumSet.of(SUBMITTED, WITHDRAWN));
        ALLOWED.put(RECEIVED, EnumSet.of(PROCESSING, SUPPLEMENT_REQUESTED, RESOLVED, REFUSED, WITHDRAWAL_REQUESTED, STOPPED));
        ALLOWED.put(PROCESSING, EnumSet.of(SUPPLEMENT_REQUESTED, RESOLVED, REFUSED, WITHDRAWAL_REQUESTED, STOPPED));
        ALLOWED.put(SUPPLEMENT_REQUESTED, EnumSet.of(SUBMITTED, PROCESSING, REFUSED, WITHDRAWN, STOPPED));
        ALLOWED.put(WITHDRAWAL_REQUESTED, EnumSet.of(WITHDRAWN, RECEIVED, PROCESSING));
        ALLOWED.put(RESOLVED, EnumSet.of(RETURNED));
        for (DossierStatus closed : EnumSet.of(RETURNED, REFUSED, WITHDRAWN, STOPPED)) {
            ALLOWED.put(closed, EnumSet.noneOf(DossierStatus.class));
        }
        for (DossierStatus status : values()) {
            REOPENABLE.put(status, EnumSet.noneOf(DossierStatus.class));
        }
        REOPENABLE.put(RETURNED, EnumSet.of(PROCESSING));
        REOPENABLE.put(REFUSED, EnumSet.of(SUBMITTED));
    }

    @Test
    void every_allowed_and_every_forbidden_move() {
        int checked = 0;
        for (DossierStatus from : values()) {
            for (DossierStatus to : values()) {
                assertThat(from.canMoveTo(to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
                assertThat(from.canReopenTo(to)).as("reopen " + from + " → " + to).isEqualTo(REOPENABLE.get(from).contains(to));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(values().length * values().length);
    }

    @Test
    void no_state_moves_to_itself_or_back_to_draft() {
        for (DossierStatus status : values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isFalse();
            assertThat(status.canMoveTo(DRAFT)).as(status.name()).isFalse();
        }
    }

    @Test
    void closed_states_are_exactly_the_terminal_ones() {
        for (DossierStatus status : values()) {
            assertThat(status.isClosed()).as(status.name())
                    .isEqualTo(EnumSet.of(RETURNED, REFUSED, WITHDRAWN, STOPPED).contains(status));
        }
    }

    @Test
    void portal_status_numbers() {
        assertThat(DRAFT.portalStatus()).isZero();
        assertThat(SUBMITTED.portalStatus()).isEqualTo(1);
        assertThat(RECEIVED.portalStatus()).isEqualTo(2);
        assertThat(REFUSED.portalStatus()).isEqualTo(3);
        assertThat(PROCESSING.portalStatus()).isEqualTo(4);
        assertThat(SUPPLEMENT_REQUESTED.portalStatus()).isEqualTo(5);
        assertThat(AWAITING_PAYMENT.portalStatus()).isEqualTo(6);
        assertThat(WITHDRAWAL_REQUESTED.portalStatus()).isEqualTo(7);
        assertThat(STOPPED.portalStatus()).isEqualTo(8);
        assertThat(WITHDRAWN.portalStatus()).isEqualTo(8);
        assertThat(RESOLVED.portalStatus()).isEqualTo(9);
        assertThat(RETURNED.portalStatus()).isEqualTo(10);
    }

    @Test
    void the_clock_runs_while_received_or_processing() {
        for (DossierStatus status : values()) {
            assertThat(status.isClockRunning()).as(status.name())
                    .isEqualTo(EnumSet.of(RECEIVED, PROCESSING, WITHDRAWAL_REQUESTED).contains(status));
        }
    }

    @Test
    void dossier_codes_are_agency_date_sequence() {
        assertThat(DossierCodes.format("000.00.12.H29", java.time.LocalDate.of(2026, 11, 23), 7))
                .isEqualTo("000.00.12.H29-261123-0007");
    }
}
