import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { GeneratedWorkbook, GeneratorOptions, generateTrackingWorkbook, writeTrackingWorkbook } from "../lib/trackingWorkbook";
import { Random } from "../lib/random";
import { BENCH_FILE, BENCH_OPTIONS } from "./benchWorkbook";

/*
 * The shapes of workbook `npm run bench` measures, each of about 150,000 rows and each as a team could keep it.
 * The report must meet its targets on every one, not only on the shape it was tuned on.
 */

export interface BenchShape {
  /** File name stem and the label printed. */
  readonly key: string;
  readonly label: string;
  readonly options: GeneratorOptions;
  /** Changes the generated rows (same rows, other spellings or more cells). */
  readonly transform?: (workbook: GeneratedWorkbook, rng: Random) => void;
  /** Text cells as inline strings (`t="inlineStr"`), as other tools write them, instead of shared strings. */
  readonly inlineStrings?: boolean;
}

const TRACKING = new Set(["Beratungen", "Vermittlungen", "Infoveranstaltungen"]);
const NOTES_HEADERS = new Set(["Notiz", "Bemerkung", "Kommentar", "Bemerkungen"]);
const WORDS = (
  "Termin Rückruf Unterlagen Jobcenter Ausländerbehörde Nachweis Arbeitgeber Praktikum Sprachniveau Zeugnis Anerkennung " +
  "vereinbart nachgereicht offen erledigt Wohnsitzauflage Kinderbetreuung Fahrtkosten Bewerbung Gespräch Dolmetscher " +
  "Beschäftigungserlaubnis Antrag Frist verlängert abgesagt verschoben telefonisch persönlich Schule Kurs Wartezeit"
).split(" ");

/** A remark of 40 to 200 characters, made unique by its row. */
function remark(rng: Random, row: number): string {
  const length = rng.int(40, 200);
  let text = `Vermerk ${row}:`;
  while (text.length < length) text += ` ${rng.pick(WORDS)}`;
  return text.slice(0, length);
}

/** Many distinct texts: a remark on most tracking rows, mostly unique, in the notes column (read only for blankness). */
function longRemarks(workbook: GeneratedWorkbook, rng: Random): void {
  for (const sheet of workbook.sheets.filter((s) => TRACKING.has(s.name))) {
    const header = sheet.rows.findIndex((r) => r.some((c) => typeof c === "string" && NOTES_HEADERS.has(c)));
    const column = sheet.rows[header].findIndex((c) => typeof c === "string" && NOTES_HEADERS.has(c));
    for (let i = header + 1; i < sheet.rows.length; i++) if (rng.chance(0.7)) sheet.rows[i][column] = remark(rng, i + 1);
  }
}

const MONTHS = ["Januar", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "August", "Sept.", "Okt.", "November", "Dez."];
const pad = (n: number): string => String(n).padStart(2, "0");

/** Every date as text, in the spellings the rules accept (some with a time of day behind). */
function textDates(workbook: GeneratedWorkbook, rng: Random): void {
  someTextDates(workbook, rng, 1);
}

/** A share of the dates as text, in the spellings the rules accept (some with a time of day behind). */
function someTextDates(workbook: GeneratedWorkbook, rng: Random, share: number): void {
  for (const sheet of workbook.sheets.filter((s) => TRACKING.has(s.name))) {
    for (const row of sheet.rows) {
      const value = row[0];
      if (!(value instanceof Date) || (share < 1 && !rng.chance(share))) continue;
      const [y, m, d] = [value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()];
      const spellings = [`${d}.${m}.${y}`, `${pad(d)}.${pad(m)}.${y}`, `${d}.${m}.${String(y).slice(2)}`, `${y}-${pad(m)}-${pad(d)}`, `${d}. ${MONTHS[m - 1]} ${y}`];
      row[0] = rng.pick(spellings) + (rng.chance(0.1) ? " 14:30" : "");
    }
  }
}

const EXTRA_HEADERS = ["Wiedervorlage", "Aktenzeichen", "Telefon dienstlich", "Sachstand", "Zuständig seit", "Sprache", "Dolmetschung", "Termin-Nr.", "Priorität", "Erledigt"];

/** Wide sheets: 30 columns, the ones the review does not know filled like a team's working columns. */
function wideSheets(workbook: GeneratedWorkbook, rng: Random): void {
  for (const sheet of workbook.sheets.filter((s) => TRACKING.has(s.name))) {
    const header = sheet.rows.findIndex((r) => r.filter((c) => typeof c === "string").length >= 3);
    const width = sheet.rows[header].length;
    for (let c = width; c < 30; c++) sheet.rows[header][c] = `${EXTRA_HEADERS[c % EXTRA_HEADERS.length]} ${Math.floor(c / EXTRA_HEADERS.length) + 1}`;
    for (let i = header + 1; i < sheet.rows.length; i++) {
      const row = sheet.rows[i];
      for (let c = width; c < 30; c++) {
        const roll = rng.next();
        row[c] = roll < 0.3 ? null : roll < 0.6 ? rng.int(1, 9999) : roll < 0.8 ? rng.pick(["ja", "nein", "offen", "erledigt", "DE", "EN", "AR", "FA"]) : `AZ-${rng.int(100, 999)}/${rng.int(10, 99)}`;
      }
    }
  }
}

export const BENCH_SHAPES: readonly BenchShape[] = [
  { key: "standard", label: "wie bisher", options: BENCH_OPTIONS },
  { key: "bemerkungen", label: "viele verschiedene Texte", options: BENCH_OPTIONS, transform: longRemarks },
  { key: "inline", label: "Inline-Texte statt gemeinsamer", options: BENCH_OPTIONS, inlineStrings: true },
  { key: "breit", label: "breite Blätter (30 Spalten)", options: BENCH_OPTIONS, transform: wideSheets },
  { key: "textdaten", label: "Datumsangaben als Text", options: BENCH_OPTIONS, transform: textDates },
  { key: "klienten30k", label: "30.000 Klienten", options: { ...BENCH_OPTIONS, clients: 30_000 } },
  {
    key: "gemischt",
    label: "Textdaten neben echten, Bemerkungen, 12.000 Klienten",
    options: { ...BENCH_OPTIONS, clients: 12_000 },
    transform: (workbook, rng) => {
      someTextDates(workbook, rng, 0.4);
      longRemarks(workbook, rng);
    },
  },
];

const ROOT = resolve(__dirname, "..", "..");
const DATA = join(ROOT, "bench-data");

/** Rewrites every `t="str"` text cell of the package's worksheets as an inline string. */
async function toInlineStrings(path: string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    const xml = await zip.file(name)!.async("string");
    zip.file(name, xml.replace(/<c r="([A-Z]+\d+)"( s="\d+")? t="str"><v>([^<]*)<\/v><\/c>/g, '<c r="$1"$2 t="inlineStr"><is><t xml:space="preserve">$3</t></is></c>'));
  }
  writeFileSync(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } }));
}

/** The shape's workbook in `bench-data/` (git-ignored), made once; returns its path and row count. */
export async function shapeWorkbook(shape: BenchShape): Promise<string> {
  const path = shape.key === "standard" ? BENCH_FILE : join(DATA, `tracking-150k-${shape.key}.xlsx`);
  if (existsSync(path)) return path;
  mkdirSync(DATA, { recursive: true });
  process.stdout.write(`Erzeuge Arbeitsmappe „${shape.label}“ …\n`);
  const generated = generateTrackingWorkbook(shape.options);
  shape.transform?.(generated, new Random(shape.options.seed + 1));
  await writeTrackingWorkbook(path, generated, { sharedStrings: !shape.inlineStrings });
  if (shape.inlineStrings) await toInlineStrings(path);
  return path;
}
