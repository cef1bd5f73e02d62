#!/usr/bin/env bash
# All tests: type check, lint, unit and end-to-end tests, browser tests included.
# Browser tests run Debian's Chromium; it is installed here when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "Chromium fehlt: installiere Debians Paket chromium …" >&2
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

npm run --silent typecheck
npx eslint src scripts tests
npx jest --ci
