-- Shared by every service (Flyway location classpath:db/messaging). Versions 0.x are reserved for this library;
-- a service's own migrations start at V1.

-- Transactional outbox: a row per event, written in the same transaction as the state change it reports.
create table outbox_event (
    id          bigserial    primary key,
    event_id    varchar(64)  not null unique,
    topic       varchar(200) not null,
    event_key   varchar(200) not null,
    -- relays lock one shard at a time (pg advisory lock), so two relays never publish the same key concurrently
    shard       integer      not null,
    event_type  varchar(200) not null,
    payload     text         not null,
    created_at  timestamptz  not null default now(),
    sent_at     timestamptz,
    attempts    integer      not null default 0,
    last_error  text
);
create index outbox_event_unsent on outbox_event (shard, id) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;

-- Idempotent consumer: one row per (handler, event id) processed, inserted in the handler's transaction.
create table processed_event (
    consumer      varchar(150) not null,
    event_id      varchar(64)  not null,
    event_type    varchar(200) not null,
    processed_at  timestamptz  not null default now(),
    primary key (consumer, event_id)
);
