-- Each claim of a sender writes a fresh token; only the holder of the current token may renew the lease, send and
-- write back. A sender whose lease ran out (and whose rows another instance took) finds its token gone and stops.
alter table notification_message add column claim_token uuid;
alter table webhook_delivery add column claim_token uuid;
alter table portal_sync add column claim_token uuid;
create index notification_message_claim on notification_message (claim_token) where claim_token is not null;
create index webhook_delivery_claim on webhook_delivery (claim_token) where claim_token is not null;
create index portal_sync_claim on portal_sync (claim_token) where claim_token is not null;
