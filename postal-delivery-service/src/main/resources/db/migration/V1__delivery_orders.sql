-- postal-delivery-service: delivery orders, their timeline, officer audit trail, waybill ranges, operator reports.

create table delivery_order (
    id                      uuid         primary key,
    kind                    varchar(20)  not null,            -- RESULT_RETURN | DOCUMENT_PICKUP
    dossier_id              varchar(64)  not null,
    dossier_code            varchar(64)  not null,            -- = the operator's order number
    procedure_code          varchar(32),
    procedure_name          varchar(500),
    dossier_channel         varchar(16),
    agency_code             varchar(32)  not null,
    customer_code           varchar(64)  not null,
    operator_code           varchar(32)  not null,
    tracking_number         varchar(32)  unique,              -- null while WAITING_FOR_WAYBILL
    status                  varchar(32)  not null,
    applicant_id            varchar(200) not null,
    applicant_json          text         not null,
    sender_json             text         not null,
    receiver_json           text         not null,
    parcel_description      varchar(500) not null,
    postal_fee_vnd          bigint       not null,
    fee_paid_by             varchar(16)  not null,            -- PREPAID | RECEIVER | SENDER
    cash_on_delivery_vnd    bigint       not null,
    attempts                integer      not null default 0,
    last_carrier_code       varchar(64),
    last_post_office_code   varchar(32),
    last_post_office_name   varchar(200),
    last_report_at          timestamptz,                      -- occurredAt of the report that set the status
    status_changed_at       timestamptz  not null,
    created_at              timestamptz  not null,
    dispatched_at           timestamptz,
    picked_up_at            timestamptz,
    delivered_at            timestamptz,
    proof_receiver_name     varchar(200),
    proof_relation          varchar(100),
    proof_reference         varchar(500),
    failure_reason          varchar(500),
    redelivery_requested_at timestamptz,
    sla_breach              varchar(32),                      -- NOT_PICKED_UP | STUCK_IN_TRANSIT, cleared on progress
    sla_breached_at         timestamptz,
    version                 bigint       not null default 0,
    -- one order of each kind per dossier: a redelivered dossier event never makes a second parcel
    unique (dossier_id, kind)
);
create index delivery_order_agency_status on delivery_order (agency_code, status, created_at);
create index delivery_order_applicant on delivery_order (applicant_id, dossier_code);
create index delivery_order_waiting on delivery_order (operator_code, created_at) where status = 'WAITING_FOR_WAYBILL';
create index delivery_order_open on delivery_order (status, status_changed_at)
    where status in ('DISPATCHED', 'PICKED_UP', 'IN_TRANSIT');

-- What happened to an order, in the order it happened (carrier time), including reports that arrived late and
-- therefore did not change the status (applied = false).
create table delivery_timeline (
    id                bigserial    primary key,
    order_id          uuid         not null references delivery_order (id),
    entry             varchar(32)  not null,   -- STATUS_REPORT | CREATED | DISPATCHED | ADDRESS_CHANGED | CANCELLED | ...
    status            varchar(32),
    applied           boolean      not null default true,
    occurred_at       timestamptz  not null,
    recorded_at       timestamptz  not null default now(),
    carrier_code      varchar(64),
    post_office_code  varchar(32),
    post_office_name  varchar(200),
    note              varchar(1000),
    report_id         varchar(100),
    source            varchar(32)  not null,   -- OPERATOR_API | OPERATOR_KAFKA | SYSTEM | OFFICER
    actor             varchar(200)
);
create index delivery_timeline_order on delivery_timeline (order_id, occurred_at, id);

-- Append-only trail of officers' changes (who, what, when, from where, before and after).
create table delivery_audit (
    id          bigserial    primary key,
    order_id    uuid         not null references delivery_order (id),
    action      varchar(32)  not null,
    actor       varchar(200) not null,
    client_ip   varchar(64),
    reason      varchar(1000),
    before_json text,
    after_json  text,
    at          timestamptz  not null default now()
);
create index delivery_audit_order on delivery_audit (order_id, id);

-- Pre-allocated waybill numbers per operator: serials first..last, next_serial is the next free one.
create table waybill_range (
    id           bigserial   primary key,
    operator_code varchar(32) not null,
    prefix       varchar(2)  not null,
    suffix       varchar(2)  not null,
    first_serial bigint      not null,
    last_serial  bigint      not null,
    next_serial  bigint      not null,
    created_at   timestamptz not null default now(),
    check (first_serial <= last_serial and first_serial between 0 and 99999999 and last_serial <= 99999999),
    unique (operator_code, prefix, suffix, first_serial)
);

-- Operator reports we accepted, by the operator's report id: a second copy (same path or the other one) is a duplicate.
create table status_report_receipt (
    operator_code varchar(32)  not null,
    report_id     varchar(100) not null,
    order_id      uuid         not null,
    outcome       varchar(32)  not null,   -- APPLIED | OUT_OF_ORDER | IGNORED_TERMINAL
    channel       varchar(16)  not null,   -- REST | KAFKA
    received_at   timestamptz  not null default now(),
    primary key (operator_code, report_id)
);

-- Reports we refused, kept for support (a corrected report with the same id is then accepted).
create table status_report_rejection (
    id             bigserial    primary key,
    operator_code  varchar(32),
    report_id      varchar(100),
    tracking_number varchar(64),
    channel        varchar(16)  not null,
    code           varchar(64)  not null,
    detail         varchar(1000) not null,
    rejected_at    timestamptz  not null default now()
);

-- Postal fees the applicant paid online through payment-service (fee line POSTAL_RETURN), by dossier.
create table postal_prepayment (
    dossier_id  varchar(64) primary key,
    payment_id  varchar(64) not null,
    amount_vnd  bigint      not null,
    paid_at     timestamptz not null
);
