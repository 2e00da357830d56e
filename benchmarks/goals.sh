#!/usr/bin/env bash
# Issue 14's write-path goals in one run, each measured as the ratio it is stated in, side by side on this machine:
#   benchmarks/goals.sh [--quick] [--postgres "Host=127.0.0.1;Port=54329;Username=designer"] [--port 5231] [--no-peer]
# Prints the table (goal, target, measured, met) at the end; every measurement's own report is kept in the log folder
# it names. Nothing but 127.0.0.1 is contacted (npm's registry aside, for bpmn-engine). See docs/benchmarks.md.
#   --quick     shorter runs (for a check that it works; the figures are then rougher)
#   --postgres  a PostgreSQL cluster on 127.0.0.1 for the two-node goal (default: $DESIGNER_TEST_POSTGRES; none: skipped)
#   --port      first port for the servers the load driver starts (it uses up to two from there)
#   --no-peer   skip bpmn-engine (it is installed from npm into a temporary folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
quick=0; peer=1; port=5231; postgres="${DESIGNER_TEST_POSTGRES:-}"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-peer) peer=0 ;;
    --port) port="$2"; shift ;;
    --postgres) postgres="$2"; shift ;;
    *) echo "usage: benchmarks/goals.sh [--quick] [--postgres CONNECTION] [--port N] [--no-peer]" >&2; exit 2 ;;
  esac
  shift
done
logs="$(mktemp -d -t designer-goals.XXXXXX)"
echo "reports of each measurement: $logs"

if [ "$quick" = 1 ]; then seconds=15; actions=300; bare=200; rounds=3; nodes_seconds=20; else seconds=45; actions=2000; bare=1000; rounds=7; nodes_seconds=60; fi

echo "building (Release)…"
dotnet build -c Release "$root/src/Designer.LoadTest" -p:SkipStudioBuild=true >"$logs/build.log" 2>&1
dotnet build -c Release "$root/src/Designer.Benchmarks" -p:SkipStudioBuild=true >>"$logs/build.log" 2>&1
driver() { dotnet "$root/src/Designer.LoadTest/bin/Release/net10.0/designer-loadtest.dll" "$@"; }

# Each client count on a fresh server and database, the bare commit of one action's rows measured right after it
# (same state size, same settings): the goals are the ratio of the two, so load on the machine cancels out in part.
load() { # name clients applications
  echo "load driver: $2 client(s)…"
  driver --port "$port" --concurrency "$2" --applications "$3" --actions "$actions" --seconds "$seconds" --warmup "$3" \
    --bare-commits "$bare" >"$logs/$1.log" 2>&1 || true
}
load c1 1 16
load c16 16 32
load c64 64 64

echo "engine: one transition, a whole Bazhou application…"
dotnet "$root/src/Designer.Benchmarks/bin/Release/net10.0/Designer.Benchmarks.dll" goals "$rounds" >"$logs/engine.log" 2>&1 || true

if [ -n "$postgres" ]; then
  echo "PostgreSQL: one node, then two nodes…"
  for n in 1 2; do
    driver --nodes "$n" --server-process --port "$port" --postgres "$postgres" --concurrency 8 --applications 32 \
      --actions 100000 --seconds "$nodes_seconds" --warmup 32 --bare-commits 0 >"$logs/nodes$n.log" 2>&1 || true
  done
fi

if [ "$peer" = 1 ]; then
  echo "bpmn-engine beside our engine…"
  "$here/peer/run.sh" 100 3 >"$logs/peer.log" 2>&1 || true
fi

LOGS="$logs" QUICK="$quick" python3 - <<'EOF'
import json, os, re
logs = os.environ["LOGS"]
def read(name):
    path = os.path.join(logs, name)
    return open(path, encoding="utf-8").read() if os.path.exists(path) else ""
def grab(text, pattern, cast=float):
    m = re.search(pattern, text)
    return cast(m.group(1)) if m else None
def failures(text):  # measured and warm-up actions that failed (the driver counts both in its exit code)
    measured = grab(text, r"ok, ([0-9]+) failed", int)
    return None if measured is None else measured + (grab(text, r"failed actions \(([0-9]+) in the warm-up", int) or 0)
rows = []
def row(goal, target, measured, met, detail=""):
    rows.append((goal, target, measured, "yes" if met is True else "no" if met is False else "not measured", detail))
for name, clients, need in (("c1", 1, 0.5), ("c16", 16, 0.8)):
    text = read(name + ".log")
    ratio = grab(text, r"bare single-action commit rate = ([0-9.]+)")
    rate = grab(text, r"throughput: ([0-9.]+) actions/s")
    bare = grab(text, r"WAL, synchronous=FULL, one writer\): ([0-9]+) commits/s")
    failed = failures(text)
    row(f"{clients} client(s): actions/s ÷ bare single-action commits/s", f"≥ {need}",
        "-" if ratio is None else f"{ratio:.3f}", None if ratio is None else ratio >= need and failed == 0,
        f"{rate} actions/s, bare {bare}/s, {failed} failed")
text = read("c64.log")
p99 = grab(text, r"p99 ([0-9.]+)")
failed = failures(text)
row("p99 at 64 clients", "< 50 ms", "-" if p99 is None else f"{p99:.1f} ms", None if p99 is None else p99 < 50 and failed == 0,
    "the run did not finish (its report says why)" if p99 is None else f"{grab(text, r'throughput: ([0-9.]+)')} actions/s, {failed} failed")
engine = {}
for line in read("engine.log").splitlines():
    if line.startswith("{"):
        item = json.loads(line); engine[item["goal"]] = item
t = engine.get("transition")
row("one engine transition", "≤ 50 µs", "-" if t is None else f"{t['microseconds']:.1f} µs",
    None if t is None else t["microseconds"] <= 50, "" if t is None else f"{t['bytesAllocated']} B allocated")
a = engine.get("application")
row("a whole Bazhou application in memory", "≤ 1 ms", "-" if a is None else f"{a['microseconds'] / 1000:.2f} ms",
    None if a is None else a["microseconds"] <= 1000, "" if a is None else f"{a['bytesAllocated']} B allocated")
one, two = read("nodes1.log"), read("nodes2.log")
r1, r2 = grab(one, r"throughput: ([0-9.]+)"), grab(two, r"throughput: ([0-9.]+)")
f1, f2 = failures(one), failures(two)
if r1 and r2:
    row("two nodes ÷ one node, actions/s (PostgreSQL)", "≥ 1.7×", f"{r2 / r1:.2f}×", r2 / r1 >= 1.7 and f1 == 0 and f2 == 0,
        f"{r1} and {r2} actions/s, {f1} and {f2} failed")
else:
    row("two nodes ÷ one node, actions/s (PostgreSQL)", "≥ 1.7×", "-", None, "no --postgres given" if not one else "a run did not finish")
peer = grab(read("peer.log"), r"designer is ([0-9.]+)x faster")
row("vs bpmn-engine on the 10-step flow", "≥ 50×", "-" if peer is None else f"{peer:.1f}×", None if peer is None else peer >= 50)
load = open("/proc/loadavg").read().split()[:3]
print()
print(f"issue 14 goals (write path){' — quick run' if os.environ['QUICK'] == '1' else ''}; load average at the end: {' '.join(load)} on {os.cpu_count()} cores")
print("| goal | target | measured | met | detail |")
print("| --- | --- | --- | --- | --- |")
for r in rows: print("| " + " | ".join(str(c) for c in r) + " |")
EOF
