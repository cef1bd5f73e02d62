#!/usr/bin/env bash
# All tests: type check, lint, unit and end-to-end tests, browser and web-server tests included.
# Browser tests run Debian's Chromium, the server test Debian's nginx (with openssl for its certificate), the marks'
# formulas are recalculated by Debian's LibreOffice (headless); they are installed here when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
{ command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; } || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
[ -x /usr/bin/soffice ] || missing+=(libreoffice-calc-nogui)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Für die Tests fehlen Debians Pakete ${missing[*]}: werden installiert …" >&2
  SUDO=""
  if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  # Debian starts nginx as a service on install; the tests start their own on a loopback port.
  if [[ " ${missing[*]} " == *" nginx "* ]]; then $SUDO service nginx stop >/dev/null 2>&1 || true; fi
fi

node scripts/build/toolchain.cjs
npm run --silent typecheck
npx eslint src scripts tests
npx jest --ci
