#!/usr/bin/env bash
# The Designer engine against bpmn-engine (npm) on the same 10-step flow, one command, both on this machine:
#   benchmarks/peer/run.sh [instances per round] [rounds]
# Installs bpmn-engine into a temporary folder (never into the repository), runs its side and ours, interleaved twice,
# and prints each side's median microseconds per instance and the ratio. See docs/benchmarks.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
instances="${1:-200}"
rounds="${2:-5}"
version="25.0.1"
peer="$(mktemp -d)"
trap 'rm -rf "$peer"' EXIT
(cd "$peer" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent "bpmn-engine@$version" >/dev/null)
cp "$here/ten-steps.mjs" "$peer/"
dotnet build -c Release "$root/src/Designer.Benchmarks" -p:SkipStudioBuild=true >/dev/null
ours() { dotnet "$root/src/Designer.Benchmarks/bin/Release/net10.0/Designer.Benchmarks.dll" peer "$instances" "$rounds"; }
theirs() { (cd "$peer" && node ten-steps.mjs "$instances" "$rounds"); }
results=()
for pass in 1 2; do
  results+=("$(theirs)")
  results+=("$(ours)")
done
printf '%s\n' "${results[@]}"
printf '%s\n' "${results[@]}" | node -e '
  const lines = require("fs").readFileSync(0, "utf8").trim().split("\n").map(JSON.parse);
  const median = (xs) => { xs = [...xs].sort((a, b) => a - b); const m = xs.length >> 1; return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2; };
  const of = (name) => median(lines.filter((l) => l.engine === name).map((l) => l.microsecondsPerInstance));
  const theirs = of("bpmn-engine"), ours = of("designer");
  console.log(`10-step flow, µs per instance (median of both passes): bpmn-engine ${theirs.toFixed(0)}, designer ${ours.toFixed(0)}; designer is ${(theirs / ours).toFixed(1)}x faster (goal: 50x)`);
'
