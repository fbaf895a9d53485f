package vn.motcua.notification.portal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A dossier's sync state with the national portal: its latest status, how far the portal has followed, whether it has the dossier. */
@Entity
@Table(name = "portal_sync")
public class PortalSync extends PanacheEntityBase {

    public enum State { PENDING, SENDING, SYNCED, FAILED }

    @Id
    @Column(name = "dossier_id")
    public String dossierId;
    @Column(name = "dossier_code")
    public String dossierCode;
    @Column(name = "agency_code")
    public String agencyCode;
    @Column(name = "portal_status")
    public int portalStatus;
    @Column(name = "status_name")
    public String statusName;
    /** +1 per event recorded; each revision is in {@code portal_sync_revision} with its own document. */
    public int revision;
    /** The last revision the portal accepted: those after it are still to push, in order. */
    @Column(name = "pushed_revision")
    public int pushedRevision;
    @Column(name = "last_event_id")
    public String lastEventId;
    @Column(name = "last_event_type")
    public String lastEventType;
    @Column(name = "last_event_at")
    public OffsetDateTime lastEventAt;
    public String document;
    public String state;
    @Column(name = "known_to_portal")
    public boolean knownToPortal;
    public int attempts;
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;
    /** The token of the pusher's claim while SENDING; a write-back with another token is stale and dropped. */
    @Column(name = "claim_token")
    public java.util.UUID claimToken;
    @Column(name = "last_error_code")
    public String lastErrorCode;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "synced_at")
    public OffsetDateTime syncedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
