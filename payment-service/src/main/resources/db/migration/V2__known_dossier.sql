-- The dossiers dossier.events has told us about, one row each, as of the newest event. An officer's extra obligation
-- may name only a dossier of the officer's own agency, and is billed to that dossier's applicant: this copy answers
-- both without calling dossier-service (and without trusting the request body). A dossier whose events were produced
-- before this table existed is unknown until its next event.
create table known_dossier (
    dossier_id       varchar(100) primary key,
    dossier_code     varchar(100),              -- null while a draft (the code is given on submission)
    agency_code      varchar(50)  not null,
    procedure_code   varchar(50),
    procedure_name   varchar(500),
    applicant_id     varchar(200) not null,
    applicant_name   varchar(300),
    applicant_email  varchar(300),
    applicant_phone  varchar(50),
    applicant_lang   varchar(5),
    status           varchar(30)  not null,     -- dossier-service's status name, e.g. SUBMITTED, REFUSED
    last_event_at    timestamptz  not null
);
