#!/usr/bin/env bash
# Issue 14's read goals in one run: with 100,000 applications, the inbox and the admin list (first and deep pages)
# p95 < 50 ms, and the server's RSS < 300 MB.
#   benchmarks/reads.sh [--applications N] [--reads R] [--port 5241]
# Seeds N applications (default 100000) straight into a scratch SQLite database of a server process of its own, times R
# reads (default 200) of each list one at a time beside the floor every request costs (GET /api/auth/me), runs a few
# task actions, and prints the goals table; the driver's whole report is kept in the log folder it names. Nothing but
# 127.0.0.1 is contacted. See docs/benchmarks-server.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
applications=100000; reads=200; port=5241
while [ $# -gt 0 ]; do
  case "$1" in
    --applications) applications="$2"; shift ;;
    --reads) reads="$2"; shift ;;
    --port) port="$2"; shift ;;
    *) echo "usage: benchmarks/reads.sh [--applications N] [--reads R] [--port N]" >&2; exit 2 ;;
  esac
  shift
done
logs="$(mktemp -d -t designer-reads.XXXXXX)"
echo "report: $logs/reads.log"
echo "building (Release)…"
dotnet build -c Release "$root/src/Designer.LoadTest" -p:SkipStudioBuild=true >"$logs/build.log" 2>&1
echo "seeding $applications applications and reading…"
dotnet "$root/src/Designer.LoadTest/bin/Release/net10.0/designer-loadtest.dll" --server-process --port "$port" \
  --seed-applications "$applications" --reads "$reads" --actions 100 --warmup 10 --applications 10 --concurrency 2 \
  --bare-commits 0 >"$logs/reads.log" 2>&1 || { cat "$logs/reads.log" >&2; exit 1; }
grep -E '^(seeded|GET|server memory)' "$logs/reads.log"

# The goals table: p95 of each list (and the floor beside it), the server's RSS after the reads.
awk -v goal=50 -v rssgoal=300 '
  function p95(line) { match(line, /p95 [0-9.]+/); return substr(line, RSTART + 4, RLENGTH - 4) + 0 }
  function cpu(line) { if (!match(line, /server CPU [0-9.]+/)) return "n/a"; return substr(line, RSTART + 11, RLENGTH - 11) " ms" }
  function met(value, limit) { return value < limit ? "yes" : "no" }
  /^GET \/api\/auth\/me/ { floor = p95($0); floorcpu = cpu($0) }
  /^GET \/api\/tasks/ { inbox = p95($0); inboxcpu = cpu($0) }
  /^GET \/api\/applications \(policy admin, page 1\)/ { first = p95($0); firstcpu = cpu($0) }
  /^GET \/api\/applications \(locality admin, page 1\)/ { local = p95($0); localcpu = cpu($0) }
  /^GET \/api\/applications \(policy admin, a random page/ { deep = p95($0); deepcpu = cpu($0) }
  /^server memory after the reads/ { match($0, /RSS [0-9]+/); rss = substr($0, RSTART + 4, RLENGTH - 4) + 0 }
  END {
    printf "\n| goal | target | measured | met | server CPU per read |\n| --- | --- | --- | --- | --- |\n"
    printf "| inbox p95 (GET /api/tasks, reviewer, page 1) | < %d ms | %.1f ms | %s | %s |\n", goal, inbox, met(inbox, goal), inboxcpu
    printf "| admin list p95, first page (policy admin) | < %d ms | %.1f ms | %s | %s |\n", goal, first, met(first, goal), firstcpu
    printf "| admin list p95, first page (locality admin) | < %d ms | %.1f ms | %s | %s |\n", goal, local, met(local, goal), localcpu
    printf "| admin list p95, random deep page | < %d ms | %.1f ms | %s | %s |\n", goal, deep, met(deep, goal), deepcpu
    printf "| server RSS after the reads | < %d MB | %d MB | %s | |\n", rssgoal, rss, met(rss, rssgoal)
    printf "\nfloor (GET /api/auth/me, the token check alone) p95: %.1f ms, server CPU %s per read; on a shared machine compare the lists with it\n", floor, floorcpu
  }' "$logs/reads.log"
