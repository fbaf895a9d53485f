create table note (id bigserial primary key, text varchar(200) not null);
-- no unique constraint on purpose: a second effect of one event would show as a second row
create table note_seen (id bigserial primary key, event_id varchar(64) not null, text varchar(200) not null);
