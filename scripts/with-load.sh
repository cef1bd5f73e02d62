#!/usr/bin/env bash
# Runs a command while every core is kept busy by another process, to shake out timing-dependent tests.
#   bash scripts/with-load.sh [-n RUNS] <command …>
# Example: bash scripts/with-load.sh -n 3 npx jest --ci
# The load (one busy node process per core) is started before and stopped after, also on Ctrl+C.
# Prints each run's exit status; exits non-zero when any run failed.
set -uo pipefail
runs=1
if [ "${1:-}" = "-n" ]; then runs="$2"; shift 2; fi
if [ "$#" -eq 0 ]; then echo "Aufruf: bash scripts/with-load.sh [-n Läufe] <Befehl …>" >&2; exit 2; fi

cores="$(nproc)"
pids=()
stop_load() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; wait 2>/dev/null; }
trap stop_load EXIT INT TERM
for _ in $(seq "$cores"); do
  node -e 'for (;;) { Math.sqrt(Math.random()); }' &
  pids+=("$!")
done
echo "Last: ${cores} Prozesse halten ${cores} Kerne beschäftigt." >&2

failed=0
for i in $(seq "$runs"); do
  start=$(date +%s)
  "$@"
  rc=$?
  echo "Lauf ${i}/${runs}: Status ${rc}, $(( $(date +%s) - start )) s" >&2
  [ "$rc" -eq 0 ] || failed=1
done
exit "$failed"
