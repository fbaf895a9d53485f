-- Shared by services whose creation endpoints accept an Idempotency-Key (Flyway location classpath:db/web).
create table idempotency_record (
    scope          varchar(100) not null,   -- operation, e.g. 'dossier.create'
    caller         varchar(200) not null,   -- the authenticated subject: keys are per caller
    idem_key       varchar(200) not null,
    request_hash   varchar(64)  not null,   -- SHA-256 of the request body: a reused key with another body is refused
    status         integer      not null,
    location       varchar(500),
    response_body  text         not null,
    created_at     timestamptz  not null default now(),
    primary key (scope, caller, idem_key)
);
create index idempotency_record_created_at on idempotency_record (created_at);
