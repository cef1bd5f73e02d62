import ExcelJS from "exceljs";
import { ExitCode } from "../../src/cli/exitCodes";
import { main } from "../../src/cli/main";

/**
 * One measured run in a fresh process: `plain <file>` reads the file with
 * ExcelJS's readFile; `report <args…>` runs the whole report command.
 * Prints {ms, maxRssMB} as JSON on the last line.
 */
async function measure(mode: string, args: string[]): Promise<void> {
  const start = process.hrtime.bigint();
  if (mode === "plain") {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(args[0]);
  } else {
    const quiet = { write: () => true, isTTY: false };
    const code = await main(args, { stdout: quiet, stderr: process.stderr });
    if (code !== ExitCode.Ok) process.exit(code);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 })}\n`);
}

void measure(process.argv[2], process.argv.slice(3));
