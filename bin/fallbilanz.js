#!/usr/bin/env node
"use strict";
// `npm run report`: the built command (`npm run build:cli`, run by `npm ci` through `prepare`), so that no
// TypeScript is compiled on start.
let cli;
try {
  cli = require("../build/fallbilanz.js");
} catch {
  process.stderr.write("Fehler: Der Befehl ist noch nicht gebaut. Bitte einmal „npm run build:cli“ (oder „npm ci“) ausführen.\n");
  process.exit(2);
}
void cli.main(process.argv.slice(2)).then((code) => process.exit(code));
