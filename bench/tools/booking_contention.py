#!/usr/bin/env python3
"""Benchmark scenario (e), booking under contention: picks the slots before the load and checks them after it.
Python standard library only (+ the psql client for the database check).

  booking_contention.py pick  <appointment-url> <point> <procedure> <slots-per-phase> <warm-file> <measure-file>
      Writes two sets of untouched slots (nobody booked them; not suspended), one "point procedure start" a line:
      the warm-up loads the first set, the measurement the second, so the measured slots start with every seat free.
  booking_contention.py check <appointment-url> <measure-file> <wrk-output> <psql-database-url>
      After the load: per slot, the capacity, the active bookings (neither cancelled nor expired) in the database, the seat
      counter, and the remaining seats the availability API shows, next to the 201s wrk saw. Prints a readable table
      and, last, one machine-readable line for the report:
        e_booking_seats slots=.. capacity=.. won=.. active=.. overbooked_slots=.. ok=1|0
      ok=1 means no slot holds more active bookings than its capacity and the counters agree with the bookings.
"""
import datetime, json, re, subprocess, sys, urllib.parse, urllib.request

ZONE = datetime.timezone(datetime.timedelta(hours=7))


def availability(base, point, procedure, start, end):
    query = urllib.parse.urlencode({"procedureCode": procedure, "servicePointCode": point,
                                    "from": start.isoformat(), "to": end.isoformat()})
    with urllib.request.urlopen(f"{base}/api/v1/appointments/availability?{query}", timeout=30) as response:
        return json.load(response)["slots"]


def epoch(iso):
    return int(datetime.datetime.fromisoformat(iso).timestamp())


def pick(base, point, procedure, per_phase, warm_file, measure_file):
    today = datetime.datetime.now(ZONE).date()
    slots = availability(base, point, procedure, today, today + datetime.timedelta(days=20))
    fresh = [s for s in slots if s["booked"] == 0 and s["capacity"] > 0 and s["remaining"] == s["capacity"]
             and not s["suspended"]]
    if len(fresh) < 2 * per_phase:
        sys.exit(f"bench: only {len(fresh)} untouched slots at {point} for {procedure}; need {2 * per_phase}")
    for path, chosen in ((warm_file, fresh[:per_phase]), (measure_file, fresh[per_phase:2 * per_phase])):
        with open(path, "w", encoding="utf-8") as out:
            for s in chosen:
                out.write(f"{point} {procedure} {s['start']}\n")
    measured = fresh[per_phase:2 * per_phase]
    seats = sum(s["capacity"] for s in measured)
    print(f"bench: (e) {per_phase} slots at {point} for {procedure}, {seats} seats in all "
          f"({', '.join(sorted({str(s['capacity']) for s in measured}))} per slot), "
          f"{measured[0]['start'][:16]} … {measured[-1]['start'][:16]}")


def psql(database_url, sql):
    out = subprocess.run(["psql", database_url, "-At", "-F", " ", "-v", "ON_ERROR_STOP=1", "-c", sql],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"bench: psql failed: {out.stderr.strip()}")
    return [line.split() for line in out.stdout.splitlines() if line.strip()]


def check(base, measure_file, wrk_output, database_url):
    wanted = [line.split() for line in open(measure_file, encoding="utf-8") if line.strip()]
    point, procedure = wanted[0][0], wanted[0][1]
    starts = [w[2] for w in wanted]
    days = sorted({datetime.datetime.fromisoformat(s).astimezone(ZONE).date() for s in starts})
    after = {epoch(s["start"]): s for s in availability(base, point, procedure, days[0], days[-1])}
    epochs = ",".join(str(epoch(s)) for s in starts)
    where = (f"service_point_id = (select id from service_point where code = '{point}') "
             f"and procedure_code = '{procedure}' and extract(epoch from slot_start)::bigint in ({epochs})")
    active = {int(e): int(n) for e, n in psql(database_url, f"""
        select extract(epoch from slot_start)::bigint, count(*) from booking
        where {where} and status not in ('CANCELLED', 'EXPIRED') group by 1""")}
    counters = {int(e): int(n) for e, n in psql(database_url, f"""
        select extract(epoch from slot_start)::bigint, booked from slot_counter where {where}""")}
    statuses = re.search(r"statuses s201=(\d+) s409=(\d+) s422=(\d+) sother=(\d+)", open(wrk_output).read())
    won, full, refused, other = (int(g) for g in statuses.groups()) if statuses else (0, 0, 0, 0)

    print(f"bench: (e) after the load — {point} {procedure}")
    print(f"  {'slot':<25} {'capacity':>8} {'active bookings':>16} {'seat counter':>13} {'API remaining':>14}")
    capacity_total = active_total = overbooked = disagreeing = 0
    for start in starts:
        e = epoch(start)
        slot = after.get(e)
        capacity = slot["capacity"] if slot else 0
        n, counter = active.get(e, 0), counters.get(e, 0)
        capacity_total += capacity
        active_total += n
        overbooked += n > capacity
        disagreeing += n != counter
        flag = "  OVERBOOKED" if n > capacity else "  counter ≠ bookings" if n != counter else ""
        print(f"  {start:<25} {capacity:>8} {n:>16} {counter:>13} {slot['remaining'] if slot else '?':>14}{flag}")
    ok = overbooked == 0 and disagreeing == 0
    print(f"  wrk saw {won} × 201 (seat won), {full} × 409 (SLOT_FULL), {refused} × 422 (per-citizen limit), "
          f"{other} other; {active_total} active bookings for {capacity_total} seats: "
          + ("never above capacity ✓" if ok else "WRONG ✗"))
    print(f"e_booking_seats slots={len(starts)} capacity={capacity_total} won={won} active={active_total} "
          f"overbooked_slots={overbooked} ok={1 if ok else 0}")


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "pick":
        pick(args[0], args[1], args[2], int(args[3]), args[4], args[5])
    elif command == "check":
        check(*args[:4])
    else:
        sys.exit(__doc__)
