-- SANDBOX provider only (development and tests, never real money): its books live here, not in one instance's
-- memory, so that with several payment-service instances behind the gateway a checkout opened on one instance can
-- be paid, queried and refunded through any other. Empty, and unused, where the sandbox is off.
create sequence sandbox_transaction_no_seq start with 14000001;
create sequence sandbox_refund_no_seq start with 1;

create table sandbox_transaction (
    transaction_no   varchar(20)  primary key default nextval('sandbox_transaction_no_seq')::text,
    protocol         varchar(10)  not null,
    -- the merchant's reference: vnp_TxnRef (gateway) or requestId (platform); one transaction per reference
    reference        text         not null,
    order_reference  text,
    amount_vnd       bigint       not null,
    return_url       text,
    notify_url       text,
    order_info       text,
    state            varchar(10)  not null default 'PENDING',
    paid_at          timestamptz,
    refunded_vnd     bigint       not null default 0,
    response_code    varchar(10)  not null default '',
    created_at       timestamptz  not null default now(),
    constraint sandbox_transaction_reference unique (protocol, reference)
);

-- Refunds made, once per merchant refund request id (its idempotency reference).
create table sandbox_refund (
    transaction_no  varchar(20) not null references sandbox_transaction (transaction_no),
    request_id      text        not null,
    refund_no       varchar(30) not null,
    amount_vnd      bigint      not null,
    created_at      timestamptz not null default now(),
    primary key (transaction_no, request_id)
);

-- The tester's controls (POST /sandbox/control), shared by every instance: one row.
create table sandbox_control (
    id                   smallint primary key check (id = 1),
    api_delay_millis     bigint   not null default 0,
    answer_delay_millis  bigint   not null default 0
);
insert into sandbox_control (id) values (1);
