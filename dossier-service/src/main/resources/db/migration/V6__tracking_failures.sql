-- Failed public-tracking attempts per dossier code, so that a phone number cannot be guessed by trying them all.
-- The table is shared by every dossier-service instance; rows expire with their window (TrackingAttempts).
create table tracking_failure (
    code              varchar(64) primary key,
    window_started_at timestamptz not null,
    failures          integer     not null
);
create index tracking_failure_window on tracking_failure (window_started_at);
