-- notification-service schema. Times are timestamptz; business rules use Asia/Ho_Chi_Minh.

-- Templates: one row per (code, language) holding the current text; version increases on every save and is
-- recorded on each message. Every saved version is kept in notification_template_revision.
create table notification_template (
    id          bigserial    primary key,
    code        varchar(100) not null,
    language    varchar(5)   not null,
    event_type  varchar(200) not null,
    title       text         not null,
    body        text         not null,
    sms_text    text         not null,
    version     integer      not null,
    updated_by  varchar(200) not null,
    updated_at  timestamptz  not null default now(),
    unique (code, language)
);

create table notification_template_revision (
    code        varchar(100) not null,
    language    varchar(5)   not null,
    version     integer      not null,
    title       text         not null,
    body        text         not null,
    sms_text    text         not null,
    saved_by    varchar(200) not null,
    saved_at    timestamptz  not null default now(),
    primary key (code, language, version)
);

-- One row per (source event, recipient, channel). The unique constraint, not only the consumer ledger, makes sure
-- that a redelivered event or a second instance never creates a second message.
create table notification_message (
    id                  uuid          primary key,
    source_event_id     varchar(64)   not null,
    event_type          varchar(200)  not null,
    dossier_id          varchar(100),
    recipient_id        varchar(200)  not null,
    channel             varchar(20)   not null,
    address             varchar(320),
    language            varchar(5)    not null,
    category            varchar(30)   not null,
    mandatory           boolean       not null,
    template_code       varchar(100)  not null,
    template_version    integer       not null,
    title               text          not null,
    body                text          not null,
    status              varchar(30)   not null,
    failure_reason      text,
    provider            varchar(60),
    provider_reference  varchar(200),
    attempts            integer       not null default 0,
    next_attempt_at     timestamptz,
    dead_lettered_at    timestamptz,
    read_at             timestamptz,
    delivered_at        timestamptz,
    created_at          timestamptz   not null default now(),
    updated_at          timestamptz   not null default now(),
    constraint notification_message_once unique (source_event_id, recipient_id, channel)
);
create index notification_message_inbox on notification_message (recipient_id, created_at desc) where channel = 'IN_APP';
create index notification_message_due on notification_message (next_attempt_at)
    where status in ('QUEUED', 'SENDING', 'TEMPORARY_FAILURE', 'TECHNICAL_FAILURE') and dead_lettered_at is null;
create index notification_message_dead on notification_message (dead_lettered_at) where dead_lettered_at is not null;

-- A citizen's channel choice per category; no row = every channel on.
create table notification_preference (
    citizen_id  varchar(200) not null,
    category    varchar(30)  not null,
    email       boolean      not null,
    sms         boolean      not null,
    in_app      boolean      not null,
    updated_at  timestamptz  not null default now(),
    primary key (citizen_id, category)
);

create table webhook_subscription (
    id                    uuid          primary key,
    name                  varchar(200)  not null,
    url                   varchar(2000) not null,
    event_types           text          not null,   -- comma-separated CloudEvents types, or '*'
    secret                varchar(200)  not null,
    status                varchar(20)   not null,   -- ACTIVE, PAUSED
    consecutive_failures  integer       not null default 0,
    paused_reason         text,
    created_by            varchar(200)  not null,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    version               bigint        not null default 0
);

create table webhook_delivery (
    id                    uuid          primary key,
    subscription_id       uuid          not null references webhook_subscription (id) on delete cascade,
    event_id              varchar(64)   not null,
    event_type            varchar(200)  not null,
    payload               text          not null,
    status                varchar(30)   not null,
    attempts              integer       not null default 0,
    next_attempt_at       timestamptz,
    last_response_status  integer,
    last_error            text,
    dead_lettered_at      timestamptz,
    delivered_at          timestamptz,
    created_at            timestamptz   not null default now(),
    updated_at            timestamptz   not null default now(),
    constraint webhook_delivery_once unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at)
    where status in ('QUEUED', 'SENDING', 'TEMPORARY_FAILURE', 'TECHNICAL_FAILURE') and dead_lettered_at is null;
create index webhook_delivery_by_subscription on webhook_delivery (subscription_id, created_at desc);

-- The delivery log: one row per HTTP attempt.
create table webhook_attempt (
    id               bigserial   primary key,
    delivery_id      uuid        not null references webhook_delivery (id) on delete cascade,
    attempted_at     timestamptz not null default now(),
    response_status  integer,
    outcome          varchar(30) not null,
    error            text,
    duration_ms      integer     not null
);
create index webhook_attempt_by_delivery on webhook_attempt (delivery_id, id);

-- National portal sync: the latest state of each dossier and whether the portal has it.
create table portal_sync (
    dossier_id       varchar(100) primary key,
    dossier_code     varchar(100) not null,
    agency_code      varchar(50)  not null,
    portal_status    integer      not null,
    status_name      varchar(50)  not null,
    revision         integer      not null,      -- +1 per event; a push only marks SYNCED the revision it sent
    last_event_id    varchar(64)  not null,
    last_event_type  varchar(200) not null,
    last_event_at    timestamptz  not null,
    document         text         not null,      -- the portal request body for the latest revision
    state            varchar(20)  not null,      -- PENDING, SENDING, SYNCED, FAILED
    known_to_portal  boolean      not null default false,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz,
    last_error_code  varchar(50),
    last_error       text,
    synced_at        timestamptz,
    updated_at       timestamptz  not null default now()
);
create index portal_sync_due on portal_sync (next_attempt_at) where state in ('PENDING', 'SENDING');
create index portal_sync_by_agency on portal_sync (agency_code, state);

create table portal_sync_log (
    id              bigserial    primary key,
    dossier_id      varchar(100) not null,
    revision        integer      not null,
    operation       varchar(10)  not null,       -- CREATE, UPDATE
    http_status     integer,
    error_code      varchar(50),
    message         text,
    attempted_at    timestamptz  not null default now()
);
create index portal_sync_log_by_dossier on portal_sync_log (dossier_id, id);
