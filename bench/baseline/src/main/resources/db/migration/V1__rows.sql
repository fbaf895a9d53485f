create table bench_row (id bigserial primary key, payload varchar(200) not null, created_at timestamptz not null default now());
