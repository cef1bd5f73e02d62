"use strict";
/**
 * One measured run in a fresh process, in plain JavaScript so that neither side pays a TypeScript compile:
 * `plain <file>` reads the file with ExcelJS's readFile (the baseline); `report <args…>` runs the built report
 * command (`build/fallbilanz.js`, as `npm run report` does). Prints {ms, maxRssMB} as JSON on the last line.
 */
const start = process.hrtime.bigint();
const [mode, ...args] = process.argv.slice(2);

/**
 * The process's peak resident memory in MB: Linux's VmHWM, the high-water mark of this process's own memory. Not
 * `resourceUsage().maxRSS`: on Linux a child inherits the parent's maximum at fork, so every run of a benchmark
 * whose parent had grown (by generating the workbooks) reported at least the parent's size.
 */
function peakMB() {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(require("node:fs").readFileSync("/proc/self/status", "utf8"));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

function done() {
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMB: peakMB() })}\n`);
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
