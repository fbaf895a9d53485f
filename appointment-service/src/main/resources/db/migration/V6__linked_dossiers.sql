-- The dossiers dossier.events has told us about, one row each, as of the newest event: a booking may name only a
-- dossier of the booking citizen that has not ended, and this copy answers that without calling dossier-service.
-- Every dossier event upserts its row; an event older than last_event_at (a replay, a re-injected dead letter)
-- does not overwrite it. A dossier whose events were produced before this table existed is unknown until its
-- next event.
create table known_dossier (
    dossier_id    varchar(100) primary key,
    applicant_id  varchar(200) not null,
    agency_code   varchar(50),
    status        varchar(30)  not null,   -- dossier-service's status name, e.g. SUBMITTED, REFUSED
    last_event_at timestamptz  not null
);
