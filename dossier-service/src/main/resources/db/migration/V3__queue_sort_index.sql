-- The officer work queue's default order (due date first) across all statuses of an agency.
create index dossier_queue_due on dossier (agency_code, due_at, id);
