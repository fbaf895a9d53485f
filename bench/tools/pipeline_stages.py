"""Splits (f) into its stages from the databases' own timestamps, for the probe's dossiers (applicant bench-probe):
dossier transaction start -> the relay's publishing transaction start (outbox_event.created_at -> sent_at), and that
-> notification-service's handling transaction start (processed_event.processed_at). Both clocks are PostgreSQL's.
Prints one results line: event_pipeline_stages outbox_to_relay_p50=.. relay_to_consumer_p50=.. (ms) events=..
Usage: pipeline_stages.py <dossier-db-url> <notification-db-url>. Python standard library + the psql client."""
import subprocess, sys


def psql(url, sql):
    out = subprocess.run(["psql", url, "-At", "-F", " ", "-v", "ON_ERROR_STOP=1", "-c", sql], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"bench: psql failed: {out.stderr.strip()}")
    return [line.split() for line in out.stdout.splitlines() if line.strip()]


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else float("nan")


dossier_db, notification_db = sys.argv[1], sys.argv[2]
outbox = psql(dossier_db, """
    select o.event_id, extract(epoch from o.created_at) * 1000, extract(epoch from o.sent_at) * 1000
    from outbox_event o join dossier d on d.id::text = o.event_key
    where d.applicant_id = 'bench-probe' and o.event_type = 'vn.motcua.dossier.draft-created.v1'
      and o.sent_at is not null order by o.id desc limit 200""")
ids = ",".join(f"'{row[0]}'" for row in outbox) or "''"
handled = {row[0]: float(row[1]) for row in psql(notification_db, f"""
    select event_id, extract(epoch from processed_at) * 1000 from processed_event
    where consumer = 'notification-rules' and event_id in ({ids})""")}
to_relay = [float(sent) - float(created) for _, created, sent in outbox]
to_consumer = [handled[event] - float(sent) for event, _, sent in outbox if event in handled]
print(f"event_pipeline_stages outbox_to_relay_p50={median(to_relay):.2f} relay_to_consumer_p50={median(to_consumer):.2f} "
      f"events={len(to_consumer)}")
