-- dossier-service schema. Timestamps are timestamptz; business rules run in Asia/Ho_Chi_Minh.

-- Administrative units (tỉnh / xã; huyện until 30 June 2025). A code stays in the table after it stops being valid,
-- so that addresses on old dossiers still resolve.
create table admin_unit (
    code         varchar(20)  primary key,
    level        varchar(20)  not null,          -- PROVINCE, DISTRICT, COMMUNE
    name         varchar(200) not null,
    parent_code  varchar(20)  references admin_unit (code),
    valid_from   date         not null,
    valid_to     date                            -- null: still valid
);
create index admin_unit_parent on admin_unit (parent_code);

create table agency (
    code             varchar(40)  primary key,   -- mã định danh cơ quan (QCVN 102:2016 style)
    name             varchar(300) not null,
    level            varchar(20)  not null,      -- CENTRAL, PROVINCE, COMMUNE
    parent_code      varchar(40)  references agency (code),
    admin_unit_code  varchar(20)  references admin_unit (code)
);

create table admin_procedure (
    code                varchar(20)   primary key,   -- e.g. 1.001193
    name                varchar(500)  not null,
    search_text         varchar(2000) not null,      -- lower-case name + sector without diacritics, filled in Java
    sector              varchar(200)  not null,
    agency_level        varchar(20)   not null,
    agency_code         varchar(40)   not null references agency (code),
    online_level        varchar(10)   not null,      -- FULL, PARTIAL
    processing_days     integer       not null check (processing_days >= 0),
    in_person_required  boolean       not null,
    return_methods      varchar(100)  not null,      -- comma list of COUNTER, POST, ELECTRONIC
    fee_lines           text          not null,      -- JSON array of {code,name,amountVnd}
    required_documents  text          not null,      -- JSON array of RequiredDocument
    active              boolean       not null default true,
    version             bigint        not null default 0,
    updated_at          timestamptz   not null default now()
);
create index admin_procedure_sector on admin_procedure (sector);
create index admin_procedure_agency on admin_procedure (agency_code);

create table dossier (
    id                       uuid          primary key,
    code                     varchar(60)   unique,   -- given at submission
    procedure_code           varchar(20)   not null references admin_procedure (code),
    procedure_name           varchar(500)  not null,
    agency_code              varchar(40)   not null references agency (code),
    agency_name              varchar(300)  not null,
    applicant_id             varchar(200)  not null,
    applicant_name           varchar(300),
    applicant_email          varchar(300),
    applicant_phone          varchar(40),
    applicant_phone_key      varchar(20),            -- digits only, national form (0912345678), for tracking
    channel                  varchar(10)   not null,
    return_method            varchar(12)   not null,
    delivery_address         text,                   -- JSON PostalAddress, with return method POST
    status                   varchar(30)   not null,
    portal_dossier_code      varchar(100),
    fee_total                bigint        not null default 0,
    fee_lines                text          not null default '[]',
    paid_at                  timestamptz,
    payment_receipt          varchar(100),
    created_at               timestamptz   not null,
    submitted_at             timestamptz,
    received_at              timestamptz,
    received_by              varchar(200),
    receipt_number           varchar(80),
    due_at                   timestamptz,
    resolved_at              timestamptz,
    returned_at              timestamptz,
    closed_at                timestamptz,
    result_summary           text,
    outcome_reason           text,
    overdue                  boolean       not null default false,
    overdue_at               timestamptz,
    step_name                varchar(200),
    step_assignee_id         varchar(200),
    step_due_at              timestamptz,
    supplement_reason        text,
    supplement_items         text,
    supplement_requested_at  timestamptz,
    status_before_withdrawal varchar(30),
    checked_in_at            timestamptz,
    queue_number             varchar(40),
    postal_return_failed     boolean       not null default false,
    tracking_secret          varchar(40)   not null,
    rating                   integer,
    rating_comment           varchar(1000),
    rated_at                 timestamptz,
    version                  bigint        not null default 0,
    updated_at               timestamptz   not null
);
create unique index dossier_portal_code on dossier (portal_dossier_code) where portal_dossier_code is not null;
-- the work queue: every officer query starts with the agency, so each index does too (authorise in the query)
create index dossier_queue_status_due on dossier (agency_code, status, due_at, id);
create index dossier_queue_submitted on dossier (agency_code, submitted_at desc, id);
create index dossier_queue_assignee on dossier (agency_code, step_assignee_id, due_at) where step_assignee_id is not null;
create index dossier_queue_overdue on dossier (agency_code, due_at) where overdue;
create index dossier_applicant on dossier (applicant_id, created_at desc);
-- the overdue job scans only open dossiers not yet marked
create index dossier_overdue_scan on dossier (due_at) where status in ('RECEIVED', 'PROCESSING') and not overdue;

create table dossier_document (
    id                      uuid          primary key,
    dossier_id              uuid          not null references dossier (id),
    required_document_code  varchar(40)   not null,
    kind                    varchar(20)   not null,  -- APPLICATION, SUPPLEMENT
    file_name               varchar(255)  not null,
    content_type            varchar(100)  not null,
    size_bytes              bigint        not null,
    sha256                  varchar(64)   not null,
    storage_key             varchar(300)  not null,
    uploaded_by             varchar(200)  not null,
    uploaded_at             timestamptz   not null
);
create index dossier_document_dossier on dossier_document (dossier_id);

-- Dossier code sequence: one row per agency and day, incremented with insert .. on conflict .. returning, so the
-- row lock serialises instances of the service (no in-process lock).
create table dossier_code_counter (
    agency_code  varchar(40) not null,
    day          date        not null,
    last_value   integer     not null,
    primary key (agency_code, day)
);

create table processing_step (
    id           uuid         primary key,
    dossier_id   uuid         not null references dossier (id),
    name         varchar(200) not null,
    assignee_id  varchar(200) not null,
    due_at       timestamptz,
    started_at   timestamptz  not null,
    finished_at  timestamptz,
    started_by   varchar(200) not null
);
create index processing_step_dossier on processing_step (dossier_id, started_at);

create table due_date_extension (
    id               uuid          primary key,
    dossier_id       uuid          not null references dossier (id),
    previous_due_at  timestamptz,
    new_due_at       timestamptz   not null,
    reason           varchar(2000) not null,
    officer_id       varchar(200)  not null,
    created_at       timestamptz   not null
);
create index due_date_extension_dossier on due_date_extension (dossier_id);

-- Append-only audit trail: a trigger refuses updates and deletes, whatever the application does.
create table audit_entry (
    id            bigserial     primary key,
    dossier_id    uuid          not null,
    action        varchar(60)   not null,
    actor_id      varchar(200)  not null,
    actor_role    varchar(40)   not null,
    on_behalf_of  varchar(200),
    client        varchar(300),
    request_id    varchar(100),
    occurred_at   timestamptz   not null,
    old_status    varchar(30),
    new_status    varchar(30),
    changes       text,                                  -- JSON object {field: {old, new}}
    reason        varchar(2000)
);
create index audit_entry_dossier on audit_entry (dossier_id, id);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

-- Statistics: counters per day, agency, procedure and channel, incremented in the transaction of each transition, so
-- a report reads (days × procedures) rows, whatever the number of dossiers.
create table dossier_daily_stat (
    day              date        not null,
    agency_code      varchar(40) not null,
    procedure_code   varchar(20) not null,
    channel          varchar(10) not null,
    submitted        bigint      not null default 0,
    received         bigint      not null default 0,
    refused          bigint      not null default 0,
    resolved         bigint      not null default 0,
    resolved_early   bigint      not null default 0,
    resolved_on_time bigint      not null default 0,
    resolved_late    bigint      not null default 0,
    returned         bigint      not null default 0,
    withdrawn        bigint      not null default 0,
    stopped          bigint      not null default 0,
    fee_required     bigint      not null default 0,
    paid_online      bigint      not null default 0,
    digitized        bigint      not null default 0,
    overdue_marked   bigint      not null default 0,
    rating_count     bigint      not null default 0,
    rating_sum       bigint      not null default 0,
    primary key (agency_code, day, procedure_code, channel)
);
