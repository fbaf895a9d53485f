-- Notifications whose signature did not verify: anyone can send them, so they never reach the append-only
-- provider_notification. They are counted (metric motcua_payment_notifications_rejected_total) and a sample of them,
-- capped per minute and per instance, is kept here for investigation; the retention job deletes rows older than
-- motcua.payment.rejected-notifications.retention.
create table rejected_notification (
    id           bigserial     primary key,
    provider     varchar(20)   not null,
    reference    varchar(100),
    verdict      varchar(40)   not null,
    detail       varchar(1000),
    payload      varchar(2000) not null,
    received_at  timestamptz   not null default now()
);
create index rejected_notification_received on rejected_notification (received_at);
