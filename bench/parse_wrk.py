"""Turns wrk --latency output into one line: name rps=.. p50=.. p99=.. non2xx=.. (latencies in ms). When the lua script
printed status counts ("statuses s201=.. s409=.. ..", bench/wrk/book-contention.lua), they follow, with requests=.."""
import re, sys

def ms(text):
    value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]

name, path = sys.argv[1], sys.argv[2]
out = open(path, encoding="utf-8").read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p50 = ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))
p99 = ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))
non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
line = f"{name} rps={rps:.1f} p50={p50:.2f} p99={p99:.2f} non2xx={non2xx.group(1) if non2xx else 0}"
statuses = re.search(r"^statuses (.+)$", out, re.M)
if statuses:
    requests = re.search(r"(\d+) requests in", out).group(1)
    line += f" requests={requests} {statuses.group(1).strip()}"
print(line)
