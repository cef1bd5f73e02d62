"use strict";
/**
 * One measured run in a fresh process, in plain JavaScript so that neither side pays a TypeScript compile:
 * `plain <file>` reads the file with ExcelJS's readFile (the baseline); `report <args…>` runs the built report
 * command (`build/fallbilanz.js`, as `npm run report` does). Prints {ms, maxRssMB} as JSON on the last line.
 */
const start = process.hrtime.bigint();
const [mode, ...args] = process.argv.slice(2);

function done() {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

if (mode === "plain") {
  const ExcelJS = require("exceljs");
  new ExcelJS.Workbook().xlsx.readFile(args[0]).then(done);
} else {
  const { main } = require("../../build/fallbilanz.js");
  const quiet = { write: () => true, isTTY: false };
  main(args, { stdout: quiet, stderr: process.stderr }).then((code) => {
    if (code !== 0) process.exit(code);
    done();
  });
}
