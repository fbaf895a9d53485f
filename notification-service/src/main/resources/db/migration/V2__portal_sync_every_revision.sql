-- The portal must receive every status of a dossier, in order, not only the latest one: each dossier event becomes a
-- revision of its own, and the pusher sends them one after the other, moving pushed_revision forward.
create table portal_sync_revision (
    dossier_id     varchar(100) not null,
    revision       integer      not null,
    event_id       varchar(64)  not null,
    event_type     varchar(200) not null,
    event_at       timestamptz  not null,
    portal_status  integer      not null,
    document       text         not null,      -- the portal request body of this revision
    primary key (dossier_id, revision)
);

alter table portal_sync add column pushed_revision integer not null default 0;  -- the last revision the portal accepted

-- rows from before this migration: their latest document is their only revision still to push (if not synced yet)
insert into portal_sync_revision (dossier_id, revision, event_id, event_type, event_at, portal_status, document)
select dossier_id, revision, last_event_id, last_event_type, last_event_at, portal_status, document from portal_sync;
update portal_sync set pushed_revision = case when state = 'SYNCED' then revision else revision - 1 end;

comment on column portal_sync.document is 'the document of the latest revision (each revision''s is in portal_sync_revision)';
