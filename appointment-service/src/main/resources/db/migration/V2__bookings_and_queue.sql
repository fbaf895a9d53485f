-- The per-slot seat counter: the single row every booking of a slot updates. Seats are taken with a conditional
-- update (booked < capacity) that row-locks it, so concurrent requests on any number of instances can never
-- overbook; the row is created on first use.
create table slot_counter (
    service_point_id uuid        not null references service_point (id),
    procedure_code   varchar(30) not null,
    slot_start       timestamptz not null,
    booked           integer     not null default 0 check (booked >= 0),
    walk_ins         integer     not null default 0 check (walk_ins >= 0),
    primary key (service_point_id, procedure_code, slot_start)
);

create table booking (
    id               uuid         primary key,
    code             varchar(20)  not null unique,
    citizen_id       varchar(200) not null,
    citizen_name     varchar(300),
    citizen_email    varchar(300),
    citizen_phone    varchar(30),
    dossier_id       varchar(100),
    service_point_id uuid         not null references service_point (id),
    procedure_code   varchar(30)  not null,
    slot_start       timestamptz  not null,
    slot_end         timestamptz  not null,
    status           varchar(20)  not null,
    hold_expires_at  timestamptz,
    exception_id     uuid,
    created_at       timestamptz  not null,
    confirmed_at     timestamptz,
    cancelled_at     timestamptz,
    cancelled_by     varchar(200),
    cancel_reason    varchar(500),
    suspension_id    uuid,
    checked_in_at    timestamptz,
    finished_at      timestamptz,
    version          bigint       not null default 0
);
create index booking_citizen on booking (citizen_id, status);
create index booking_point_slot on booking (service_point_id, slot_start);
create index booking_held on booking (hold_expires_at) where status = 'HELD';
create index booking_confirmed_slot on booking (slot_start) where status = 'CONFIRMED';

-- Reminders sent: the primary key makes "each reminder once" hold across instances and retries.
create table reminder_sent (
    booking_id    uuid        not null references booking (id),
    hours_before  integer     not null,
    sent_at       timestamptz not null default now(),
    primary key (booking_id, hours_before)
);

-- Queue numbers: one sequence row per service point, day and counter group, incremented under its row lock.
create table queue_sequence (
    service_point_id uuid       not null references service_point (id),
    service_day      date       not null,
    prefix           varchar(3) not null,
    last_number      integer    not null,
    primary key (service_point_id, service_day, prefix)
);

create table queue_ticket (
    id               uuid         primary key,
    service_point_id uuid         not null references service_point (id),
    service_day      date         not null,
    prefix           varchar(3)   not null,
    number           integer      not null,
    display_number   varchar(10)  not null,
    booking_id       uuid         unique references booking (id),   -- null for a walk-in
    procedure_code   varchar(30)  not null,
    citizen_name     varchar(300),
    slot_start       timestamptz,
    status           varchar(20)  not null,
    calls            integer      not null default 0,
    counter_code     varchar(20),
    issued_at        timestamptz  not null,
    called_at        timestamptz,
    finished_at      timestamptz,
    finished_by      varchar(200),
    version          bigint       not null default 0,
    unique (service_point_id, service_day, prefix, number)
);
create index queue_ticket_waiting on queue_ticket (service_point_id, service_day, prefix, number) where status = 'WAITING';
