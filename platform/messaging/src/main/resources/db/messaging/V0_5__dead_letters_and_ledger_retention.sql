-- Dead letters as rows, so an operator can list and replay them (GET/POST /api/v1/admin/dead-letters); the
-- record also goes to <topic>.dlq for tools that read Kafka. One row per record and handler: a retried dead-letter
-- write finds its row and adds nothing.
create table dead_letter (
    id               bigserial    primary key,
    topic            varchar(200) not null,
    kafka_partition  integer      not null,
    kafka_offset     bigint       not null,
    event_key        varchar(200),
    -- null when the envelope could not be read
    event_id         varchar(64),
    event_type       varchar(200),
    -- the handler that refused the event, or 'envelope' for an unreadable record
    handler          varchar(150) not null,
    reason           text         not null,
    exception        varchar(300) not null,
    attempts         integer      not null,
    payload          bytea        not null,
    failed_at        timestamptz  not null default now(),
    replayed_at      timestamptz,
    replay_attempts  integer      not null default 0,
    unique (topic, kafka_partition, kafka_offset, handler)
);
create index dead_letter_pending on dead_letter (id) where replayed_at is null;

-- the retention job deletes ledger rows older than motcua.messaging.consumer.ledger-retention in batches
create index processed_event_processed_at on processed_event (processed_at);
