#!/usr/bin/env bash
# Instructions of one run of the built report command on a benchmark shape, counted by valgrind's callgrind: the
# same to 0.2 % from run to run whatever else the machine does, where the wall-clock time of one build varies by
# ±20 % on a shared machine. For judging a lever; the targets stay with `npm run bench`.
#   bash scripts/bench/instructions.sh [shape]      (shape as in scripts/bench/shapes.ts, default standard)
# Needs valgrind (Debian's package) and the shape's workbook in bench-data/ (made by `npm run bench`). `--single-threaded`
# puts V8's compiler and collector on the main thread, so that their work is counted too; zlib's thread is counted.
set -euo pipefail
cd "$(dirname "$0")/../.."
shape="${1:-standard}"
file="bench-data/tracking-150k.xlsx"
[ "$shape" = "standard" ] || file="bench-data/tracking-150k-${shape}.xlsx"
if ! command -v valgrind >/dev/null 2>&1; then echo "valgrind fehlt (Debian-Paket valgrind)." >&2; exit 2; fi
if [ ! -f "$file" ]; then echo "„${file}“ fehlt: einmal „npm run bench -- ${shape}“ ausführen." >&2; exit 2; fi
npm run --silent build:cli
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file="$out/callgrind.out" \
  node --max-semi-space-size=8 --heap-growing-percent=30 --single-threaded scripts/bench/measure.cjs report "$file" \
  --year 2019 --out "$out/bericht.xlsx" --json "$out/summary.json" 2>&1 >/dev/null |
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' | awk -v s="$shape" '{ printf "%s: %.2f G Instruktionen\n", s, $1 / 1e9 }'
