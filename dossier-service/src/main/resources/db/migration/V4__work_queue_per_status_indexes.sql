-- The officer work queue reads one ordered index range per status and merges them (WorkQueue): every index it uses
-- starts with (agency_code, status) and ends with the sort column and id. Measured by bench/workqueue: at 1,000,000
-- dossiers a page of "received or processing, by due date" walked 80,000 rows of the agency's due-date index
-- (315 ms); per status it reads the 20 rows it returns.
create index dossier_queue_status_submitted on dossier (agency_code, status, submitted_at, id);
create index dossier_queue_status_created on dossier (agency_code, status, created_at, id);

-- Assigned to me: equality on the assignee and the status, then due-date order.
drop index dossier_queue_assignee;
create index dossier_queue_assignee on dossier (agency_code, step_assignee_id, status, due_at, id)
    where step_assignee_id is not null;

-- Overdue now (the flag stays on dossiers finished late, for the record): only the dossiers whose clock still runs.
-- Also read by the statistics' "overdue now". The predicate must stay identical to DossierStatus.isClockRunning().
drop index dossier_queue_overdue;
create index dossier_queue_overdue_now on dossier (agency_code, status, due_at, id)
    where overdue and status in ('RECEIVED', 'PROCESSING', 'WITHDRAWAL_REQUESTED');

-- Superseded by the per-status indexes above.
drop index dossier_queue_due;
drop index dossier_queue_submitted;
