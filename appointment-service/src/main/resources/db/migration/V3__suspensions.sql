-- Suspension of in-person intake (tạm dừng tiếp nhận trực tiếp) and urgent exceptions to it.
create table intake_suspension (
    id               uuid          primary key,
    scope_type       varchar(20)   not null,   -- SERVICE_POINT, ADMIN_UNIT, PROCEDURE
    scope_codes      varchar(2000) not null,   -- comma-separated, as decided
    procedure_codes  varchar(2000) not null,   -- comma-separated; empty: every procedure
    starts_at        timestamptz   not null,
    ends_at          timestamptz   not null,
    reason           varchar(1000) not null,
    agency_code      varchar(50),              -- the deciding officer's agency (leaders of it decide exceptions)
    decided_by       varchar(200)  not null,
    status           varchar(20)   not null,   -- ACTIVE, ENDED
    ended_at         timestamptz,
    created_at       timestamptz   not null,
    version          bigint        not null default 0,
    check (starts_at < ends_at)
);

-- The service points a suspension covers, resolved when it is decided (matching a booking is then one join).
create table suspension_service_point (
    suspension_id    uuid not null references intake_suspension (id),
    service_point_id uuid not null references service_point (id),
    primary key (suspension_id, service_point_id)
);
create index suspension_service_point_point on suspension_service_point (service_point_id);

create table suspension_exception (
    id               uuid          primary key,
    suspension_id    uuid          not null references intake_suspension (id),
    citizen_id       varchar(200)  not null,
    citizen_name     varchar(300),
    citizen_email    varchar(300),
    citizen_phone    varchar(30),
    service_point_id uuid          references service_point (id),
    procedure_code   varchar(30),
    reason           varchar(1000) not null,
    requested_by     varchar(200)  not null,
    requested_at     timestamptz   not null,
    status           varchar(20)   not null,   -- REQUESTED, APPROVED, REJECTED
    decided_by       varchar(200),
    decided_at       timestamptz,
    decision_note    varchar(1000),
    booking_id       uuid,                     -- the booking it allowed (an exception allows one booking)
    version          bigint        not null default 0
);
create index suspension_exception_citizen on suspension_exception (citizen_id, suspension_id);
