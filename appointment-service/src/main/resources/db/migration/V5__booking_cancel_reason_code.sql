-- A stable code next to the free-text reason of a cancellation (see CancellationReason), and the lookup of a
-- dossier's bookings when dossier-service reports that the dossier ended (refused, withdrawn, stopped).
alter table booking add column cancel_reason_code varchar(40);

update booking set cancel_reason_code = case
        when suspension_id is not null then 'INTAKE_SUSPENDED'
        when cancelled_by = citizen_id then 'CANCELLED_BY_CITIZEN'
        else 'CANCELLED_BY_STAFF' end
    where status = 'CANCELLED';

create index booking_dossier on booking (dossier_id) where dossier_id is not null;
