import ExcelJS from "exceljs";
import { Random } from "./random";

/**
 * Generates a fictional tracking workbook in the team's hand-kept style.
 * Every name and note is invented. Used by `npm run sample`, the tests and
 * the benchmark.
 */
export interface GeneratorOptions {
  readonly seed: number;
  readonly years: readonly number[];
  readonly clients: number;
  /** Distinct target-group clients counselled per month (about). */
  readonly counselledPerMonth: number;
  /** Distinct target-group clients referred to third-party measures per month (about). */
  readonly referredPerMonth: number;
  readonly eventsPerYear: number;
  /** Title rows, German date texts, invalid rows, duplicates, a name-like ID. */
  readonly quirks: boolean;
}

/**
 * The sample: its 2019 review carries the published review's headline figures
 * ("über 750" attendees, on average 160 persons counselled and 157 referred per
 * month). The seed was picked among a few for that.
 */
export const SAMPLE_OPTIONS: GeneratorOptions = {
  seed: 2021,
  years: [2018, 2019],
  clients: 900,
  counselledPerMonth: 160,
  referredPerMonth: 157,
  eventsPerYear: 34,
  quirks: true,
};

const FIRST = ["Amal", "Omid", "Yasmin", "Tesfaye", "Rahel", "Samir", "Nura", "Dawit", "Leyla", "Farid", "Mariam", "Jonas", "Hawa", "Karim", "Selam"];
const LAST = ["Zellbrunner", "Quastorf", "Wendelmaier", "Okonkwo-Brandt", "Fiebigsen", "Harlacher", "Murnauer", "Tessendorf", "Ulbrichtsen", "Vorwerkling"];
const STATUS_SPELLINGS: Record<string, readonly string[]> = {
  Asylbewerbend: ["Asylbewerbend", "Asylbewerber*in", "Gestattung", "Aufenthaltsgestattung", "asylsuchend"],
  Geduldet: ["Geduldet", "Duldung", "Ausbildungsduldung", "geduldet"],
  Anerkannt: ["Anerkannt", "Aufenthaltserlaubnis", "Schutzstatus"],
  Sonstige: ["Sonstige"],
};
const COUNSELLING_TOPICS = ["Arbeitssuche", "Ausbildung", "Bewerbung", "Arbeitserlaubnis", "Anerkennung Abschluss", "Deutschkurs"];
const THIRD_PARTY = ["Sprachkurs", "Integrationskurs", "Freizeitangebot", "Sportverein", "Fachberatung", "Migrationsberatung", "Praktikum", "Sonstige Maßnahme"];
const PLACEMENT = ["Arbeit", "Minijob", "Ausbildung", "Ausbildungsplatz", "Deutschkurs"];
const PROVIDERS = ["VHS Landkreis", "Caritas", "Diakonie", "Sportverein Eintracht", "Jobcenter", "Handwerkskammer"];
const EVENT_TOPICS = ["Arbeitsrecht", "Verbraucherschutz", "Gesundheit", "Mietrecht", "Ausbildung in Deutschland", "Steuern und Sozialversicherung"];
const PLACES = ["Landratsamt", "Unterkunft Nord", "Gemeindesaal Süd", "VHS"];
const MONTH_WORDS = ["Jan.", "Feb.", "März", "April", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."];

type Row = (string | number | Date | null)[];

export interface GeneratedSheet {
  readonly name: string;
  readonly rows: Row[];
}

/** The invented names and notes of a generated workbook: tests check none of them ever appears in an output. */
export interface GeneratedWorkbook {
  readonly sheets: GeneratedSheet[];
  readonly names: string[];
  readonly notes: string[];
}

const pad = (n: number): string => String(n).padStart(2, "0");

function dateCell(rng: Random, year: number, month: number, day: number, quirks: boolean): string | Date {
  const roll = quirks ? rng.next() : 0;
  if (roll < 0.7) return new Date(Date.UTC(year, month - 1, day));
  if (roll < 0.85) return `${pad(day)}.${pad(month)}.${year}`;
  if (roll < 0.93) return `${day}. ${MONTH_WORDS[month - 1]} ${year}`;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const daysIn = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function generateTrackingWorkbook(options: GeneratorOptions): GeneratedWorkbook {
  const rng = new Random(options.seed);
  const q = options.quirks;
  const names: string[] = [];
  const notes: string[] = [];
  const statusOf: string[] = [];
  const idOf = (i: number): string => `IK-${String(i + 1).padStart(4, "0")}`;

  const clientRows: Row[] = [["Klienten-ID", "Name", "Aufenthaltsstatus", "Geburtsjahr", "Geschlecht", "Herkunftsland", "Wohnort", "Bemerkungen"]];
  for (let i = 0; i < options.clients; i++) {
    const roll = rng.next();
    const status = roll < 0.55 ? "Asylbewerbend" : roll < 0.85 ? "Geduldet" : roll < 0.97 ? "Anerkannt" : "Sonstige";
    statusOf.push(status);
    const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    names.push(name);
    const note = `Vertraulicher Vermerk Nr. ${i + 1}: Rückruf wegen Wohnsitzauflage`;
    if (q && i % 7 === 0) notes.push(note);
    clientRows.push([
      idOf(i), name, rng.pick(STATUS_SPELLINGS[status]), rng.int(1970, 2003), rng.pick(["männlich", "weiblich"]),
      rng.pick(["Syrien", "Afghanistan", "Eritrea", "Nigeria", "Irak", "Somalia"]), rng.pick(["Nordstadt", "Südheim", "Westdorf"]),
      q && i % 7 === 0 ? note : null,
    ]);
  }

  const counselling: Row[] = [];
  if (q) counselling.push(["Beratungsprotokoll der Integrationskoordination", null, null, null], ["Stand: fiktive Beispieldaten", null, null, null], [null]);
  counselling.push(["Datum", "Klient:innen-ID", "Aufenthaltsstatus", "Thema", "Berater*in", "Notiz"]);
  const referrals: Row[] = [];
  if (q) referrals.push(["Weitervermittlungen", null], [null]);
  referrals.push(["Vermittelt am", "Kl.-Nr.", "Status", "Art", "Träger", "Ergebnis", "Bemerkung"]);
  const events: Row[] = [["Veranstaltungsdatum", "Titel", "Ort", "Teilnehmer*innen", "Kommentar"]];

  const target = [...statusOf.keys()].filter((i) => statusOf[i] === "Asylbewerbend" || statusOf[i] === "Geduldet");
  const others = [...statusOf.keys()].filter((i) => !target.includes(i));
  const statusText = (i: number): string | null => (q && rng.chance(0.15) ? null : rng.pick(STATUS_SPELLINGS[statusOf[i]]));

  for (const year of options.years) {
    for (let month = 1; month <= 12; month++) {
      const shuffled = [...target].sort(() => rng.next() - 0.5);
      const counselled = shuffled.slice(0, options.counselledPerMonth + rng.int(-6, 6));
      for (const i of [...counselled, ...others.slice(0, 10)]) {
        for (let c = 0; c < rng.int(1, 2); c++) {
          const day = rng.int(1, daysIn(year, month));
          counselling.push([dateCell(rng, year, month, day, q), idOf(i), statusText(i), rng.pick(COUNSELLING_TOPICS), rng.pick(["AB", "CD", "EF"]), null]);
        }
      }
      const referred = [...target].sort(() => rng.next() - 0.5).slice(0, options.referredPerMonth + rng.int(-6, 6));
      for (const i of referred) {
        const day = rng.int(1, daysIn(year, month));
        referrals.push([dateCell(rng, year, month, day, q), idOf(i), statusText(i), rng.pick(THIRD_PARTY), rng.pick(PROVIDERS), "vermittelt", null]);
      }
      for (let p = 0; p < rng.int(2, 6); p++) {
        const i = rng.pick([...target, ...others]);
        referrals.push([dateCell(rng, year, month, rng.int(1, daysIn(year, month)), q), idOf(i), statusText(i), rng.pick(PLACEMENT), rng.pick(PROVIDERS), "begonnen", null]);
      }
    }
    for (let e = 0; e < options.eventsPerYear; e++) {
      const month = 1 + (e % 12);
      events.push([dateCell(rng, year, month, rng.int(1, 28), q), rng.pick(EVENT_TOPICS), rng.pick(PLACES), rng.int(8, 35), null]);
    }
  }

  if (q) addQuirks(rng, counselling, referrals, events, options.years[options.years.length - 1], notes);
  return {
    sheets: [
      { name: "Beratungen", rows: counselling },
      { name: "Vermittlungen", rows: referrals },
      { name: "Infoveranstaltungen", rows: events },
      { name: "KlientInnen", rows: clientRows },
    ],
    names,
    notes,
  };
}

/** Invalid rows, duplicates, a name-like ID and formula-looking text, as a hand-kept workbook has them. */
function addQuirks(rng: Random, counselling: Row[], referrals: Row[], events: Row[], year: number, notes: string[]): void {
  const note = (text: string): string => {
    notes.push(text);
    return text;
  };
  counselling.push(
    [null, "IK-0003", "Geduldet", "Bewerbung", "AB", note("Termin verschoben, vertraulich A")],
    [`31.02.${year}`, "IK-0004", "Asylbewerbend", "Ausbildung", "CD", null],
    [`12.03.${year}`, null, "Geduldet", "Arbeitssuche", "AB", null],
    [`14.03.${year}`, "IK-0005", "unklar", "Arbeitssuche", "AB", null],
    [`15.03.${year}`, "Quastorf", "Geduldet", "Arbeitssuche", "EF", null],
    ["01.01.1999", "IK-0006", "Geduldet", "Bewerbung", "AB", null],
  );
  const firstData = counselling.findIndex((r) => r[0] instanceof Date);
  for (let d = 0; d < 4; d++) counselling.push([...counselling[firstData + d * 37]]);
  referrals.push(
    [`03.04.${year}`, "IK-0007", "Geduldet", "Kochkurs", "VHS Landkreis", "vermittelt", null],
    [`04.04.${year}`, "IK-0008", "Geduldet", null, "VHS Landkreis", "vermittelt", null],
  );
  const firstReferral = referrals.findIndex((r) => r[0] instanceof Date);
  for (let d = 0; d < 3; d++) referrals.push([...referrals[firstReferral + d * 41]]);
  events.push(
    [`05.05.${year}`, "Gesundheit", "Landratsamt", "ca. 20", null],
    [`06.06.${year}`, "=Mülltrennung+Recycling", "Unterkunft Nord", 12, null],
    [`07.07.${year}`, "@Jobcenter: Infoabend", "VHS", 18, note("Raum war zu klein, vertraulich B")],
  );
  events.push([...events[1]]);
  rng.next();
}

/** Writes a generated workbook with ExcelJS's streaming writer (lean for large files); text in shared strings unless told. */
export async function writeTrackingWorkbook(path: string, workbook: GeneratedWorkbook, options: { sharedStrings?: boolean } = {}): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: options.sharedStrings ?? true });
  for (const sheet of workbook.sheets) {
    const ws = writer.addWorksheet(sheet.name);
    for (const row of sheet.rows) {
      const r = ws.addRow(row);
      row.forEach((v, i) => {
        if (v instanceof Date) r.getCell(i + 1).numFmt = "dd.mm.yyyy";
      });
      r.commit();
    }
    ws.commit();
  }
  await writer.commit();
}
