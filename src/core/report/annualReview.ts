import { dataDigest } from "../live/reviewFingerprint";
import { formatDayGerman } from "../dates/calendarDay";
import { Figures } from "../figures/figures";
import { Analysis } from "../analysis";
import { REFERRAL_CATEGORIES, categoryGroup } from "../vocabulary/referralCategory";
import { formatGermanInteger } from "./about";
import { MONTH_NAMES, reviewParagraph } from "./paragraph";
import { HEADLINES } from "./headlines";
import { columnWidthFor, wrappedRowHeight } from "./cellLooks";
import { ChartModel, ColumnRange, OutCell, OutRow, OutSheet, cell } from "./sheetModel";
import { Breakdowns } from "./breakdowns";
import { suppressBreakdown } from "./suppress";
import { GENDER_GROUPS } from "../vocabulary/personAttributes";
import { forEachCounted } from "../forEachRecord";

export const reviewSheetName = (year: number): string => `Jahresrückblick ${year}`;

/**
 * The 0-based column of the formula texts beside the headline figures: right of the month table and outside the
 * printed area, so that the review prints at a readable size (the formulas are for the screen, not for paper).
 */
export const FORMULA_COLUMN = 10;
/** Characters of a label that fit column A on one line; longer labels wrap onto a second line. */
const LABEL_WIDTH = 46;
/** Characters of a month table column, at least. */
const MONTH_WIDTH = 14;

export interface ReviewOptions {
  /** The figures of the year, and of the year before when the workbook holds it (computed once per review). */
  readonly figures: Figures;
  readonly previous: Figures | undefined;
  /** Breakdown cells from 1 to this many show as "< n+1"; 0 switches suppression off. */
  readonly suppressionThreshold: number;
  /** The person breakdowns of the year (computed once per review, shared with the JSON). */
  readonly breakdowns: Breakdowns;
}

/** Per month of a year: the counts the month table shows beside the persons. */
function monthlyCounts(analysis: Analysis, year: number): { contacts: number[]; referrals: number[]; events: number[]; attendees: number[] } {
  const zero = (): number[] => new Array<number>(12).fill(0);
  const out = { contacts: zero(), referrals: zero(), events: zero(), attendees: zero() };
  // Counted as `countedIn` selects (the year's rows, no duplicates), without a filtered copy of each list.
  forEachCounted(analysis.counselling, (r) => r.year === year && out.contacts[r.month - 1]++);
  forEachCounted(analysis.referrals, (r) => r.year === year && out.referrals[r.month - 1]++);
  forEachCounted(analysis.events, (e) => {
    if (e.year !== year) return;
    out.events[e.month - 1]++;
    out.attendees[e.month - 1] += e.attendees;
  });
  return out;
}

/** The review of `year`: figures, the previous year's when the workbook holds them, and the sheet. */
export interface AnnualReview {
  readonly figures: Figures;
  readonly previous: Figures | undefined;
  readonly paragraph: string;
  readonly sheet: OutSheet;
}

export function annualReview(analysis: Analysis, year: number, options: ReviewOptions): AnnualReview {
  const { figures, previous } = options;
  const present = new Set(analysis.sheets.flatMap((s) => (s.kind === undefined ? [] : [s.kind])));
  const paragraph = reviewParagraph(figures, present);
  const review = new ReviewSheet();
  review.intro(analysis, figures, paragraph);
  review.headlines(figures, previous);
  const months = review.monthTable(analysis, figures, previous);
  review.charts(months);
  addBreakdowns(review.add, figures, options.breakdowns, options.suppressionThreshold);
  review.add(undefined);
  review.dataQuality(analysis);
  return { figures, previous, paragraph, sheet: review.sheet(year, months) };
}

/** A column of the month table; `average` is set on the persons columns (their Ø row). */
interface MonthColumn {
  readonly label: string;
  readonly values: readonly (number | null)[];
  readonly average?: number;
}

/** Where the month table sits (1-based rows), for the charts that draw from it. */
interface MonthTable {
  readonly columns: readonly MonthColumn[];
  /** Each column's width: its header's longest word whole. */
  readonly widths: readonly number[];
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** The review sheet as it is built, section after section, top to bottom. */
class ReviewSheet {
  private readonly rows: OutRow[] = [];
  private readonly heights: Record<number, number> = {};
  /** Rows whose text spans the printed columns. */
  private readonly spanning: number[] = [];
  private readonly pageBreaks: number[] = [];
  private readonly chartModels: ChartModel[] = [];

  /** Adds a row; returns its 1-based number. */
  readonly add = (row: OutRow): number => this.rows.push(row);

  /** Title, the note on what is counted, the paragraph for the published review. */
  intro(analysis: Analysis, figures: Figures, paragraph: string): void {
    const { year, months } = figures;
    this.add([cell(`Jahresrückblick ${year}: Integrationskoordination`, "title")]);
    // Which data the sheet shows: the pane keeps the same code in the workbook and says when the sheets no longer match it.
    let counted = 0;
    const lists: readonly (readonly { readonly duplicate: boolean }[])[] = [analysis.counselling, analysis.referrals, analysis.events];
    for (const records of lists) forEachCounted(records, () => counted++);
    this.add([cell(`Erstellt am ${formatDayGerman(analysis.today)} aus ${formatGermanInteger(counted)} geprüften Einträgen (Datenstand ${dataDigest(analysis)}). ` +
      `Gezählt werden geprüfte Einträge des Jahres ${year} ohne Duplikate` +
      (months < 12 ? `; das Jahr läuft noch, gezählt sind ${months} Monate.` : "."), "note")]);
    this.add(undefined);
    this.add([cell("Text für den Jahresrückblick", "heading")]);
    this.spanningRow([cell(paragraph, "wrap")], Math.max(60, Math.ceil(paragraph.length / 120) * 15 + 6));
    this.add(undefined);
  }

  /** The headline figures of the year (and the year before), each with the formula that recomputes it. */
  headlines(figures: Figures, previous: Figures | undefined): void {
    const year = figures.year;
    this.add([cell("Kennzahlen", "heading")]);
    this.spanningRow([
      cell(
        "Nachrechnen in Excel: rechts neben jeder Kennzahl (Spalte K) steht ihre Formel als Text. Die Zelle anklicken, in der " +
          "Bearbeitungsleiste den ganzen Text markieren und kopieren (Strg+C), dann in eine leere Zelle klicken, in die Bearbeitungsleiste " +
          "einfügen (Strg+V) und die Eingabetaste drücken. (Die Zelle selbst zu kopieren fügt nur Text ein.) Die Formel rechnet über die Tabelle " +
          "im Blatt „Geprüfte Einträge“ und braucht das Add-In Fallbilanz.",
        "wrap",
      ),
    ], 48);
    const header = (previous ? [year, year - 1] : [year]).map((y) => cell(String(y), "headerNumber"));
    const formulaCell = (text: string | null, style: "header" | "text"): (OutCell | null)[] => [...new Array<null>(FORMULA_COLUMN - 3).fill(null), cell(text, style)];
    this.add([cell("Kennzahl", "header"), ...header, ...(previous ? [] : [null]), ...formulaCell(`Formel (${year})`, "header")]);
    for (const h of HEADLINES) {
      const at = this.add([
        cell(h.label, "label"),
        cell(h.pick(figures), h.style),
        previous ? cell(h.pick(previous), h.style) : null,
        ...formulaCell(h.formula(year), "text"),
      ]);
      const height = wrappedRowHeight(h.label, LABEL_WIDTH);
      if (height) this.heights[at] = height;
    }
    this.add(undefined);
  }

  /** Month by month: persons (this year and the last), contacts, referrals, events, attendees. It starts a page. */
  monthTable(analysis: Analysis, figures: Figures, previous: Figures | undefined): MonthTable {
    const { year, months } = figures;
    this.pageBreaks.push(this.add([cell("Monatswerte", "heading")]));
    const columns: MonthColumn[] = [];
    const upToM = (values: readonly number[]): (number | null)[] => values.map((v, i) => (i < months ? v : null));
    const persons = (label: string, f: Figures, part: "counseling" | "referrals", limit: (v: readonly number[]) => (number | null)[]) =>
      columns.push({ label: `${label} ${f.year}`, values: limit(f[part].monthlyPersons), average: f[part].monthlyAvgPersons });
    persons("Beratene Personen", figures, "counseling", upToM);
    if (previous) persons("Beratene Personen", previous, "counseling", (v) => [...v]);
    persons("Vermittelte Personen", figures, "referrals", upToM);
    if (previous) persons("Vermittelte Personen", previous, "referrals", (v) => [...v]);
    const counts = monthlyCounts(analysis, year);
    columns.push({ label: `Beratungskontakte ${year}`, values: upToM(counts.contacts) });
    columns.push({ label: `Vermittlungen ${year}`, values: upToM(counts.referrals) });
    columns.push({ label: `Veranstaltungen ${year}`, values: upToM(counts.events) });
    columns.push({ label: `Teilnehmende ${year}`, values: upToM(counts.attendees) });
    const headerRow = this.add([cell("Monat", "header"), ...columns.map((c) => cell(c.label, "header"))]);
    const widths = columns.map((c) => columnWidthFor(c.label, MONTH_WIDTH));
    this.heights[headerRow] = Math.max(32, ...columns.map((c, i) => wrappedRowHeight(c.label, widths[i]) ?? 0));
    for (let m = 0; m < 12; m++) this.add([cell(MONTH_NAMES[m], "label"), ...columns.map((c) => cell(c.values[m], "integer"))]);
    this.add([
      cell("Ø pro Monat (Personen der Zielgruppe)", "total"),
      ...columns.map((c) => (c.average === undefined ? cell(null, "total") : cell(c.average, "average"))),
    ]);
    this.add([cell("Beratene und vermittelte Personen: Asylbewerbende und Geduldete, je Monat jede Person einmal gezählt.", "note")]);
    this.add(undefined);
    return { columns, widths, headerRow, firstRow: headerRow + 1, lastRow: headerRow + 12 };
  }

  /** The two charts of persons per month, side by side below the month table, on a page of their own. */
  charts(table: MonthTable): void {
    const top = this.rows.length;
    const range = (column: number): ColumnRange => ({ column, firstRow: table.firstRow, lastRow: table.lastRow });
    const seriesOf = (prefix: string) =>
      table.columns
        .map((c, i) => ({ c, column: i + 2 }))
        .filter(({ c }) => c.label.startsWith(prefix))
        .map(({ c, column }) => ({ name: c.label, nameCell: { row: table.headerRow, column }, values: c.values, range: range(column) }));
    const categoryRange = range(1);
    this.chartModels.push(
      { title: `Beratene Asylbewerbende und Geduldete pro Monat`, type: "column", categories: MONTH_NAMES, categoryRange,
        series: seriesOf("Beratene Personen"), valueAxisTitle: "Personen",
        anchor: { fromColumn: 0, fromRow: top, toColumn: 3, toRow: top + 18 } },
      { title: `In Maßnahmen von Drittanbietern vermittelte Asylbewerbende und Geduldete pro Monat`, type: "column", categories: MONTH_NAMES, categoryRange,
        series: seriesOf("Vermittelte Personen"), valueAxisTitle: "Personen",
        anchor: { fromColumn: 3, fromRow: top, toColumn: 7, toRow: top + 18 } },
    );
    // The breakdowns start a page after the charts' rows.
    this.pageBreaks.push(top + 1, top + 20);
    for (let i = 0; i < 19; i++) this.add(undefined);
  }

  dataQuality(analysis: Analysis): void {
    this.add([cell("Datenqualität", "heading")]);
    this.spanningRow([cell(dataQualityLine(analysis), "wrap")], 32);
  }

  /** The sheet: printed columns A to the month table's last, the formula column beyond them. */
  sheet(year: number, months: MonthTable): OutSheet {
    const printedColumns = 1 + months.columns.length;
    const widths = [LABEL_WIDTH, ...months.widths];
    while (widths.length < FORMULA_COLUMN) widths.push(3);
    widths[FORMULA_COLUMN] = 100;
    return {
      name: reviewSheetName(year),
      columnWidths: widths,
      rows: this.rows,
      rowHeights: this.heights,
      merges: this.spanning.map((row) => ({ row, fromColumn: 1, toColumn: printedColumns })),
      charts: this.chartModels,
      print: { orientation: "landscape", lastPrintedColumn: printedColumns, breaksBefore: this.pageBreaks },
    };
  }

  private spanningRow(row: OutRow, height: number): void {
    const at = this.add(row);
    this.spanning.push(at);
    this.heights[at] = height;
  }
}

/** One published breakdown table: a header, a row per group with its suppressed value, the total, the note. */
function addBreakdownTable(add: (row: OutRow) => number, title: string, header: [string, string], groups: readonly [string, number][], threshold: number, empty?: string): void {
  add([cell(title, "heading")]);
  add([cell(header[0], "header"), cell(header[1], "headerNumber")]);
  if (groups.length === 0 && empty) add([cell(empty, "note")]);
  const { shown, note } = suppressBreakdown(groups.map(([, n]) => n), threshold);
  groups.forEach(([label], i) => add([cell(label, "label"), shownCell(shown[i])]));
  add([cell("Summe", "total"), cell(groups.reduce((a, [, n]) => a + n, 0), "total")]);
  if (note) add([cell(note, "note")]);
  add(undefined);
}

const shownCell = (v: number | string): OutCell => (typeof v === "number" ? cell(v, "integer") : cell(v, "text"));

function addBreakdowns(add: (row: OutRow) => number, figures: Figures, breakdowns: Breakdowns, threshold: number): void {
  addBreakdownTable(add, "Teilnehmende nach Thema der Veranstaltung", ["Thema", "Teilnehmende"], Object.entries(figures.infoEvents.byTopic), threshold, "keine Veranstaltungen");
  addBreakdownTable(add, "Vermittlungen nach Art", ["Art", "Vermittlungen"], REFERRAL_CATEGORIES.map((c) => [`${c} (${categoryGroup(c) === "placement" ? "Vermittlung in Arbeit/Ausbildung" : "Maßnahme von Drittanbietern"})`, figures.referrals.byCategory[c]]), threshold);
  add([cell("Erreichte Personen (aktive Fälle)", "heading")]);
  add([cell("Jede Person mit Beratung oder Vermittlung im Jahr einmal gezählt; Angaben aus dem Blatt der Klienten.", "note")]);
  add(undefined);
  addBreakdownTable(add, "nach Geschlecht", ["Geschlecht", "Personen"], Object.entries(breakdowns.byGender), threshold);
  addBreakdownTable(add, "nach Alter im Jahr", ["Altersgruppe", "Personen"], Object.entries(breakdowns.byAgeGroup), threshold);
  addBreakdownTable(add, "nach Herkunftsland", ["Herkunftsland", "Personen"], Object.entries(breakdowns.byCountry), threshold);
  addBreakdownTable(add, "nach aktuellem Aufenthaltsstatus", ["Aufenthaltsstatus", "Personen"], Object.entries(breakdowns.byStatus), threshold);
  // Each placement by gender: one row per placement, the rule applied to each row (it sums to that placement's figure).
  add([cell("Vermittelte Personen nach Geschlecht", "heading")]);
  add([cell("Vermittlung", "header"), ...GENDER_GROUPS.map((g) => cell(g, "headerNumber")), cell("Summe", "headerNumber")]);
  const notes = new Set<string>();
  for (const [placement, byGender] of Object.entries(breakdowns.placementsByGender)) {
    const values = GENDER_GROUPS.map((g) => byGender[g] ?? 0);
    const { shown, note } = suppressBreakdown(values, threshold);
    if (note) notes.add(note);
    add([cell(placement, "label"), ...shown.map(shownCell), cell(values.reduce((a, b) => a + b, 0), "total")]);
  }
  for (const note of notes) add([cell(note, "note")]);
}

function dataQualityLine(analysis: Analysis): string {
  const t = analysis.totals.reduce(
    (a, x) => ({ rows: a.rows + x.rows, accepted: a.accepted + x.accepted, rejected: a.rejected + x.rejected, duplicates: a.duplicates + x.duplicates }),
    { rows: 0, accepted: 0, rejected: 0, duplicates: 0 },
  );
  const f = formatGermanInteger;
  return (
    `Geprüft wurden ${f(t.rows)} Zeilen der Arbeitsmappe (alle Jahre): ${f(t.accepted)} übernommen, ${f(t.rejected)} wegen Fehlern nicht gezählt, ` +
    `${f(t.duplicates)} doppelte Einträge nicht gezählt. Einzelheiten stehen im Blatt „Prüfbericht“.`
  );
}
