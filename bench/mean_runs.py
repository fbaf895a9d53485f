"""Appends to a results file, for every scenario measured in several runs ("name@1", "name@2", ...), one line
"name key=mean ..." with the mean of each number over its runs (non2xx: the sum). The run lines stay, for the record."""
import sys
from collections import defaultdict

path = sys.argv[1]
runs = defaultdict(list)
for line in open(path, encoding="utf-8"):
    parts = line.split()
    if parts and "@" in parts[0]:
        name = parts[0].split("@")[0] + parts[0].split("@")[1].lstrip("0123456789")  # "x@1_cpu" -> "x_cpu"
        runs[name].append({k: float(v) for k, v in (p.split("=") for p in parts[1:])})
with open(path, "a", encoding="utf-8") as out:
    for name, measured in runs.items():
        keys = measured[0].keys()
        # counts of failed requests add up; rates and latencies are averaged
        means = " ".join(f"{k}={sum(m[k] for m in measured) / (1 if k == 'non2xx' else len(measured)):.3f}" for k in keys)
        out.write(f"{name} {means} runs={len(measured)}\n")
