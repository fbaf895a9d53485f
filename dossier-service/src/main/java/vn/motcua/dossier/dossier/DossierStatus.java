package vn.motcua.dossier.dossier;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a dossier and the national portal's status number of each state. Plain Java: which moves exist
 * is decided here and nowhere else; the services only choose which of the allowed moves an action makes.
 *
 * <p>Withdrawn and stopped both map to portal 8 ("processing stopped"): the portal list has no separate number for
 * a withdrawal that was approved. A draft (0) is never sent to the portal.
 */
public enum DossierStatus {
    DRAFT(0),
    SUBMITTED(1),
    AWAITING_PAYMENT(6),
    RECEIVED(2),
    PROCESSING(4),
    SUPPLEMENT_REQUESTED(5),
    WITHDRAWAL_REQUESTED(7),
    RESOLVED(9),
    RETURNED(10),
    REFUSED(3),
    WITHDRAWN(8),
    STOPPED(8);

    private static final Map<DossierStatus, Set<DossierStatus>> NEXT = new EnumMap<>(DossierStatus.class);
    /** Moves out of a closed dossier: only a leader or an administrator may make them, and they are audited. */
    private static final Map<DossierStatus, Set<DossierStatus>> REOPEN = new EnumMap<>(DossierStatus.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(SUBMITTED, AWAITING_PAYMENT, WITHDRAWN));
        NEXT.put(SUBMITTED, EnumSet.of(RECEIVED, REFUSED, SUPPLEMENT_REQUESTED, WITHDRAWN));
        NEXT.put(AWAITING_PAYMENT, EnumSet.of(SUBMITTED, WITHDRAWN));
        NEXT.put(RECEIVED, EnumSet.of(PROCESSING, SUPPLEMENT_REQUESTED, RESOLVED, REFUSED, WITHDRAWAL_REQUESTED, STOPPED));
        NEXT.put(PROCESSING, EnumSet.of(SUPPLEMENT_REQUESTED, RESOLVED, REFUSED, WITHDRAWAL_REQUESTED, STOPPED));
        NEXT.put(SUPPLEMENT_REQUESTED, EnumSet.of(SUBMITTED, PROCESSING, REFUSED, WITHDRAWN, STOPPED));
        NEXT.put(WITHDRAWAL_REQUESTED, EnumSet.of(WITHDRAWN, RECEIVED, PROCESSING));
        NEXT.put(RESOLVED, EnumSet.of(RETURNED));
        NEXT.put(RETURNED, EnumSet.noneOf(DossierStatus.class));
        NEXT.put(REFUSED, EnumSet.noneOf(DossierStatus.class));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(DossierStatus.class));
        NEXT.put(STOPPED, EnumSet.noneOf(DossierStatus.class));
        for (DossierStatus status : values()) {
            REOPEN.put(status, EnumSet.noneOf(DossierStatus.class));
        }
        REOPEN.put(RETURNED, EnumSet.of(PROCESSING));
        REOPEN.put(REFUSED, EnumSet.of(SUBMITTED));
    }

    private final int portalStatus;

    DossierStatus(int portalStatus) {
        this.portalStatus = portalStatus;
    }

    public int portalStatus() {
        return portalStatus;
    }

    /** An ordinary move, allowed to whoever may take the action. */
    public boolean canMoveTo(DossierStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** A reopening of a closed dossier (privileged). */
    public boolean canReopenTo(DossierStatus next) {
        return REOPEN.get(this).contains(next);
    }

    public Set<DossierStatus> next() {
        return Collections.unmodifiableSet(NEXT.get(this));
    }

    /** No ordinary move leaves this state. */
    public boolean isClosed() {
        return NEXT.get(this).isEmpty();
    }

    /** The agency's clock runs: received or being processed (overdue is derived from these). */
    public boolean isClockRunning() {
        return this == RECEIVED || this == PROCESSING || this == WITHDRAWAL_REQUESTED;
    }
}
