"""Writes docs/benchmarks/<date>.md (table, ratios, machine) and <date>-throughput.png / -latency.png (gnuplot)."""
import os, platform, re, subprocess, sys

results_file, out_dir, stamp, duration, connections = sys.argv[1:6]
warmup = sys.argv[6] if len(sys.argv) > 6 else "5"
jvm_opts = sys.argv[7] if len(sys.argv) > 7 else "n/a"
warmup_all = sys.argv[8] if len(sys.argv) > 8 else "0"
rows = {}
for line in open(results_file, encoding="utf-8"):
    parts = line.split()
    if not parts:
        continue
    rows[parts[0]] = {k: float(v) for k, v in (p.split("=") for p in parts[1:])}

def get(name, key):
    return rows.get(name, {}).get(key)

def ratio(a, b):
    return f"{a / b:.2f}" if a and b else "n/a"

cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
mem_gib = int(next(l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal"))) / 1024 / 1024
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]

lines = [f"# Benchmark run {stamp}", "",
         f"Machine: {os.cpu_count()} cores ({cpu}), {mem_gib:.0f} GiB RAM, {platform.system()} {platform.release()}, {java}.",
         f"Load: wrk, {connections} connections, 2 threads, {duration} s per scenario after a {warmup} s warm-up (and {warmup_all} s of",
         "low-concurrency load on every measured path before the first scenario, for the JIT); every process",
         "(wrk, nginx, the gateway, the services, Kafka, PostgreSQL) shares the same machine, so absolute numbers are low;",
         "the ratios between scenarios measured in this same run are the result. Rerun with `bench/run [seconds]`.",
         "The gateway runs with rate limiting off for the run (MOTCUA_RATE_LIMIT_ENABLED=false), like the nginx baseline.",
         f"The services' JVM options: `{jvm_opts}` (full JIT; `./motcua up` alone uses C1 only, to start quickly).",
         f"1-minute load average of the machine: {get('machine_load', 'start') if get('machine_load', 'start') is not None else 'n/a'} "
         f"when the load began, {os.getloadavg()[0]:.2f} when this report was written (2 cores: a value well above 2 at the start means other work shared the machine).", "",
         "| scenario | requests/s | p50 ms | p99 ms | non-2xx |", "|---|---:|---:|---:|---:|"]
for name, r in rows.items():
    if "rps" in r and "@" not in name:
        runs = f" (mean of {int(r['runs'])} runs)" if r.get("runs") else ""
        lines.append(f"| {name}{runs} | {r['rps']:.0f} | {r['p50']:.2f} | {r['p99']:.2f} | {int(r['non2xx'])} |")
lines += ["", "c and d, and the three h scenarios, ran twice each in mirrored order (c d d c; gateway nginx direct direct "
          "nginx gateway) so that drift during the run (JIT, background consumers) does not favour the second; their rows "
          "give the mean of the two runs (of requests/s, and of each run's p50 and p99; non-2xx is the sum).",
          "", "| latency probe | n | p50 ms | p95 ms | p99 ms | max ms |", "|---|---:|---:|---:|---:|---:|"]
for name, r in rows.items():
    if "n" in r:
        lines.append(f"| {name} | {int(r['n'])} | {r['p50']:.2f} | {r['p95']:.2f} | {r['p99']:.2f} | {r['max']:.2f} |")
stages = rows.get("event_pipeline_stages")
if stages:
    lines += ["", f"Where (f) goes, from the databases' timestamps of the same {int(stages['events'])} probe events (medians): "
              f"dossier transaction start → the relay's publishing transaction {stages['outbox_to_relay_p50']:.1f} ms; "
              f"→ notification-service's handling transaction {stages['relay_to_consumer_p50']:.1f} ms (Kafka produce, "
              f"acknowledgement, consumer fetch); the rest of the p50 is that transaction (rules, templates, inbox rows), its "
              f"commit and the probe's 5 ms read polling."]
lines += ["", "## Ratios (same run)", "",
          "| ratio | value | meaning |", "|---|---:|---|",
          f"| c/b | {ratio(get('c_submit_via_gateway','rps'), get('b_single_row_insert','rps'))} | dossier draft through the gateway vs a bare single-row insert (throughput) |",
          f"| d/b | {ratio(get('d_submit_direct','rps'), get('b_single_row_insert','rps'))} | dossier draft direct vs a bare single-row insert |",
          f"| c/d | {ratio(get('c_submit_via_gateway','rps'), get('d_submit_direct','rps'))} | what the gateway costs on a write |",
          f"| f/g (p50) | {ratio(get('event_pipeline','p50'), get('kafka_produce_consume','p50'))} | event pipeline (commit → notification readable) vs raw Kafka produce→consume, median latency |",
          f"| gateway/nginx (throughput) | {ratio(get('h_catalogue_via_gateway','rps'), get('h_catalogue_via_nginx','rps'))} | same upstream, same load; goal ≥ 0.8 |",
          f"| gateway/nginx (p99) | {ratio(get('h_catalogue_via_gateway','p99'), get('h_catalogue_via_nginx','p99'))} | lower is better |",
          f"| gateway/nginx (CPU per request) | {ratio(get('h_catalogue_via_gateway_cpu','ms_per_request'), get('h_catalogue_via_nginx_cpu','ms_per_request'))} | "
          f"the proxy process's own CPU time per request: gateway {get('h_catalogue_via_gateway_cpu','ms_per_request') or 'n/a'} ms, "
          f"nginx worker {get('h_catalogue_via_nginx_cpu','ms_per_request') or 'n/a'} ms (the machine's 2 cores are shared, so this is what the proxy takes from the upstream) |",
          f"| e/b | {ratio(get('e_booking_contention','rps'), get('b_single_row_insert','rps'))} | booking attempts under contention ({int(get('e_booking_load','connections') or 0)} clients, direct) vs a bare single-row insert ({connections} clients), throughput |",
          ""]
seats, load, booking = rows.get("e_booking_seats"), rows.get("e_booking_load", {}), rows.get("e_booking_contention")
if seats and booking:
    lines += ["## (e) Booking under contention", "",
              f"{int(load.get('connections', 0))} wrk clients sent {int(booking.get('requests', 0))} booking attempts in {duration} s "
              f"({booking['rps']:.0f}/s, p50 {booking['p50']:.1f} ms, p99 {booking['p99']:.1f} ms) straight to appointment-service, every "
              f"request as another citizen ({int(load.get('tokens', 0))} pre-minted tokens), for {int(seats['slots'])} slots of one "
              f"service point with {int(seats['capacity'])} seats in all: "
              f"{int(booking.get('s201', 0))} × 201 (seat won), {int(booking.get('s409', 0))} × 409 SLOT_FULL, "
              f"{int(booking.get('s422', 0))} × 422 (per-citizen limit), {int(booking.get('sother', 0))} other.", "",
              f"**Seats won: {int(booking.get('s201', 0))} of {int(seats['capacity'])}.** Checked after the run in the database: "
              f"{int(seats['active'])} active bookings for {int(seats['capacity'])} seats, "
              + ("no slot above its capacity and every seat counter equal to its bookings ✓"
                 if seats.get("ok") == 1 else f"**{int(seats['overbooked_slots'])} slot(s) OVERBOOKED or counters disagreeing ✗**")
              + " (`bench/tools/booking_contention.py check`).", ""]
lines += [f"![throughput]({stamp}-throughput.png)", "", f"![latency]({stamp}-latency.png)", ""]
open(os.path.join(out_dir, f"{stamp}.md"), "w", encoding="utf-8").write("\n".join(lines))

data = os.path.join(out_dir, f".{stamp}.dat")
with open(data, "w") as f:
    for name, r in rows.items():
        if "rps" in r and "@" not in name:
            f.write(f"{name} {r['rps']:.1f} {r['p50']:.2f} {r['p99']:.2f}\n")
plot = f"""
set terminal pngcairo size 1000,500 font ",10" noenhanced
set style data histograms
set style fill solid 0.8 border -1
set boxwidth 0.8
set xtics rotate by -25
set grid ytics
set output '{out_dir}/{stamp}-throughput.png'
set title 'Throughput (requests/s, log scale), {stamp}'
set logscale y
plot '{data}' using 2:xtic(1) title 'requests/s'
set output '{out_dir}/{stamp}-latency.png'
set title 'Latency (ms, log scale), {stamp}'
plot '{data}' using 3:xtic(1) title 'p50', '' using 4 title 'p99'
"""
subprocess.run(["gnuplot"], input=plot, text=True, check=False)
os.remove(data)
