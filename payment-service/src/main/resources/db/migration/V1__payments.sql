-- payment-service schema. Money is bigint VND (never decimal, never negative); times are timestamptz.

-- What an applicant owes for a dossier (from dossier-service's payment-required event).
create table payment_obligation (
    id               varchar(36)   primary key,
    kind             varchar(20)   not null,               -- DOSSIER_FEE (from the event) or EXTRA (by an officer)
    source_event_id  varchar(64)   unique,                 -- creation is idempotent on the event id
    dossier_id       varchar(64),                          -- null for an extra obligation not tied to a dossier
    created_by       varchar(200),
    reason           varchar(1000),
    dossier_code     varchar(100)  not null,
    procedure_code   varchar(50),
    procedure_name   varchar(500),
    agency_code      varchar(50)   not null,
    agency_name      varchar(500),
    payer_id         varchar(200)  not null,
    payer_name       varchar(300),
    payer_email      varchar(300),
    payer_phone      varchar(50),
    payer_language   varchar(5),
    channel          varchar(20),
    return_method    varchar(20),
    fees             jsonb         not null,
    amount_vnd       bigint        not null check (amount_vnd > 0),
    status           varchar(20)   not null,               -- OPEN, PAID, EXPIRED
    expires_at       timestamptz   not null,
    created_at       timestamptz   not null,
    version          bigint        not null default 0
);
-- one fee obligation per dossier, whatever the number of events announcing it
create unique index payment_obligation_one_per_dossier on payment_obligation (dossier_id) where kind = 'DOSSIER_FEE';
create index payment_obligation_payer on payment_obligation (payer_id);
create index payment_obligation_agency on payment_obligation (agency_code);

-- One attempt to pay an obligation.
create table payment (
    id                       varchar(36)   primary key,
    obligation_id            varchar(36)   not null references payment_obligation (id),
    attempt                  integer       not null,
    reference                varchar(40)   not null unique, -- our order reference at the provider (vnp_TxnRef / requestId)
    status                   varchar(30)   not null,
    amount_vnd               bigint        not null check (amount_vnd > 0),
    currency                 char(3)       not null default 'VND',
    refunded_vnd             bigint        not null default 0 check (refunded_vnd >= 0 and refunded_vnd <= amount_vnd),
    provider                 varchar(20),
    provider_transaction_id  varchar(100),
    return_url               varchar(1000),
    redirect_url             varchar(4000),
    failure_reason           varchar(500),
    late                     boolean       not null default false,
    created_at               timestamptz   not null,
    started_at               timestamptz,
    settled_at               timestamptz,
    last_queried_at          timestamptz,
    version                  bigint        not null default 0,
    unique (obligation_id, attempt)
);
-- one open payment per obligation, enforced by the database even with several instances
create unique index payment_one_open_per_obligation on payment (obligation_id) where status in ('CREATED', 'PENDING');
create index payment_status_started on payment (status, started_at);

-- Append-only audit of every status change.
create table payment_transition (
    id           bigserial     primary key,
    payment_id   varchar(36)   not null references payment (id),
    from_status  varchar(30),
    to_status    varchar(30)   not null,
    actor        varchar(200)  not null,
    reason       varchar(1000),
    at           timestamptz   not null default now()
);
create index payment_transition_payment on payment_transition (payment_id, id);

create function motcua_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only', tg_table_name;
end $$;
create trigger payment_transition_append_only before update or delete on payment_transition
    for each row execute function motcua_refuse_change();

-- Every provider notification, accepted or not, with the verdict: the trail for disputes and attacks.
create table provider_notification (
    id                       bigserial     primary key,
    provider                 varchar(20)   not null,
    reference                varchar(100),
    provider_transaction_id  varchar(100),
    payment_id               varchar(36),
    verdict                  varchar(40)   not null,
    detail                   varchar(1000),
    payload                  text          not null,
    received_at              timestamptz   not null default now()
);
create index provider_notification_payment on provider_notification (payment_id);
create trigger provider_notification_append_only before update or delete on provider_notification
    for each row execute function motcua_refuse_change();

create table refund (
    id                   varchar(36)   primary key,
    payment_id           varchar(36)   not null references payment (id),
    amount_vnd           bigint        not null check (amount_vnd > 0),
    status               varchar(30)   not null,   -- AWAITING_APPROVAL, REFUNDED, REJECTED
    reason               varchar(1000) not null,
    requested_by         varchar(200)  not null,
    requested_at         timestamptz   not null,
    decided_by           varchar(200),
    decided_at           timestamptz,
    decision_note        varchar(1000),
    provider_refund_id   varchar(100),
    refunded_at          timestamptz,
    version              bigint        not null default 0
);
create index refund_payment on refund (payment_id);

-- Receipt numbering: one row per series symbol, locked while a number is taken (gap-free, multi-instance safe).
create table receipt_series (
    symbol       varchar(20)  primary key,
    next_number  bigint       not null
);

create table payment_receipt (
    id              varchar(36)   primary key,
    payment_id      varchar(36)   not null unique references payment (id),
    symbol          varchar(20)   not null,
    number          bigint        not null,
    receipt_number  varchar(40)   not null unique,
    issued_at       timestamptz   not null,
    content         jsonb         not null,
    unique (symbol, number)
);

create table reconciliation_report (
    id               varchar(36)   primary key,
    provider         varchar(20)   not null,
    statement_date   date          not null,
    imported_by      varchar(200)  not null,
    imported_at      timestamptz   not null,
    statement_rows   integer       not null,
    matched          integer       not null,
    missing_here     integer       not null,
    missing_there    integer       not null,
    amount_mismatch  integer       not null
);

create table reconciliation_item (
    id                       bigserial     primary key,
    report_id                varchar(36)   not null references reconciliation_report (id),
    kind                     varchar(20)   not null,  -- MATCHED, MISSING_HERE, MISSING_THERE, AMOUNT_MISMATCH
    reference                varchar(100),
    provider_transaction_id  varchar(100),
    payment_id               varchar(36),
    our_amount_vnd           bigint,
    their_amount_vnd         bigint
);
create index reconciliation_item_report on reconciliation_item (report_id, id);
