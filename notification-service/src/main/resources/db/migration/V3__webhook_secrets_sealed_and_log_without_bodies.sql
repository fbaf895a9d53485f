-- Webhook secrets are sealed at rest (AES-GCM, key ring motcua.notification.webhook.secret-keys): the column holds
-- base64(nonce, ciphertext, tag) and the id of the key that sealed it. Rows from before are sealed by the service at
-- its next start (WebhookSecrets), which needs the key; until then secret_key_id is null = still plain text.
alter table webhook_subscription alter column secret type text;
alter table webhook_subscription add column secret_key_id varchar(50);
comment on column webhook_subscription.secret is 'sealed: base64(nonce | AES-GCM ciphertext | tag) under secret_key_id; plain text only while secret_key_id is null';

-- The creation answer carried the secret and was kept as the idempotency record's response (and the request hash was
-- an unkeyed digest of a request holding the secret). Those records only serve replays of a lost answer: drop them.
delete from idempotency_record where scope = 'webhook.create';

-- The delivery log kept up to 300 characters of each receiver's answer (a way to read internal services' answers):
-- keep the status only.
update webhook_attempt set error = 'receiver answered ' || response_status
where response_status is not null and error like 'receiver answered %';
update webhook_delivery set last_error = 'receiver answered ' || last_response_status
where last_response_status is not null and last_error like 'receiver answered %';
update webhook_subscription set paused_reason = regexp_replace(paused_reason, '(receiver answered [0-9]+).*$', '\1')
where paused_reason like '%receiver answered %';
