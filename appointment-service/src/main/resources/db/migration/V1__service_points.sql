-- Service points (one-stop-shop counters / public administration service centres) and what governs their slots.

create table service_point (
    id             uuid         primary key,
    code           varchar(50)  not null unique,
    name           varchar(300) not null,
    agency_code    varchar(50)  not null,   -- the agency whose officers run it
    province_code  varchar(10)  not null,   -- administrative units, for suspensions by area
    commune_code   varchar(10),
    address        varchar(500) not null,
    version        bigint       not null default 0,
    created_at     timestamptz  not null default now()
);
create index service_point_agency on service_point (agency_code);

create table counter (
    service_point_id uuid         not null references service_point (id),
    code             varchar(20)  not null,
    name             varchar(200) not null,
    -- queue numbers are drawn per counter group: group 'A' issues A001, A002...
    counter_group    varchar(3)   not null,
    primary key (service_point_id, code)
);

create table served_procedure (
    service_point_id uuid         not null references service_point (id),
    procedure_code   varchar(30)  not null,
    procedure_name   varchar(300) not null,
    slot_minutes     integer      not null check (slot_minutes between 5 and 240),
    -- seats per slot offered for online booking / kept for walk-ins at the counter
    public_quota     integer      not null check (public_quota >= 0),
    internal_quota   integer      not null check (internal_quota >= 0),
    counter_group    varchar(3)   not null,
    primary key (service_point_id, procedure_code)
);
create index served_procedure_code on served_procedure (procedure_code);

-- Weekly opening hours, one row per open weekday (ISO 1 = Monday .. 7 = Sunday); a missing day is closed.
create table opening_hours (
    service_point_id uuid     not null references service_point (id),
    day_of_week      smallint not null check (day_of_week between 1 and 7),
    opens            time     not null,
    closes           time     not null,
    break_starts     time,
    break_ends       time,
    primary key (service_point_id, day_of_week),
    check (opens < closes),
    check ((break_starts is null) = (break_ends is null)),
    check (break_starts is null or (opens < break_starts and break_starts < break_ends and break_ends < closes))
);

-- Local closures on top of the national public holidays of WorkingCalendar.
create table closure (
    id               uuid         primary key,
    service_point_id uuid         not null references service_point (id),
    first_day        date         not null,
    last_day         date         not null,
    reason           varchar(500) not null,
    created_by       varchar(200) not null,
    created_at       timestamptz  not null default now(),
    check (first_day <= last_day)
);
create index closure_point on closure (service_point_id, last_day);

-- Capacity policies with effective dates, e.g. during an epidemic: 50 % of seats, at most 2 people per slot.
create table capacity_policy (
    id               uuid         primary key,
    service_point_id uuid         not null references service_point (id),
    procedure_code   varchar(30),            -- null: every procedure of the point
    effective_from   date         not null,
    effective_to     date,                   -- inclusive; null: until further notice
    seat_percent     integer      check (seat_percent between 0 and 100),
    max_per_slot     integer      check (max_per_slot >= 0),
    reason           varchar(500) not null,
    created_by       varchar(200) not null,
    created_at       timestamptz  not null default now(),
    check (seat_percent is not null or max_per_slot is not null),
    check (effective_to is null or effective_from <= effective_to)
);
create index capacity_policy_point on capacity_policy (service_point_id);
