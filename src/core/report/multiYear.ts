import { ChartModel, OutCell, OutRow, OutSheet, cell } from "./sheetModel";
import { wrappedRowHeight } from "./cellLooks";
import { HEADLINES } from "./headlines";
import { FiguresOfYear, yearFigures } from "./years";

export const MULTI_YEAR_SHEET_NAME = "Mehrjahresübersicht";

/** Characters of column A (the labels) and of each year's column. */
const LABEL_WIDTH = 50;
const YEAR_WIDTH = 14;

/**
 * `Mehrjahresübersicht`: every year of the workbook with accepted rows side by side, oldest first, and a chart of
 * the two monthly averages over the years (drawn from a small table of its own, one row a year).
 */
export function multiYearSheet(allOfThem: readonly FiguresOfYear[]): OutSheet {
  const years = allOfThem.map((y) => ({ year: y.year, figures: yearFigures(y.figures) }));
  const rows: OutRow[] = [];
  const add = (row: OutRow): number => rows.push(row);
  add([cell("Mehrjahresübersicht: Integrationskoordination", "title")]);
  add([cell("Jedes Jahr der Arbeitsmappe mit geprüften Einträgen, gezählt wie im Jahresrückblick. Ein laufendes Jahr zählt die begonnenen Monate.", "note")]);
  add(undefined);
  // A wrapped label or header gets the height of its lines (else its second line covers the next row in print).
  const heights: Record<number, number> = {};
  const fit = (at: number, texts: readonly string[], width: number): void => {
    const height = Math.max(0, ...texts.map((t) => wrappedRowHeight(t, width) ?? 0));
    if (height > 0) heights[at] = height;
  };
  add([cell("Kennzahl", "header"), ...years.map((y) => cell(String(y.year), "headerNumber"))]);
  for (const r of HEADLINES) fit(add([cell(r.label, "label"), ...years.map((y): OutCell => cell(r.pick(y.figures), r.style))]), [r.label], LABEL_WIDTH);
  add(undefined);
  add([cell("Monatsmittel je Jahr (für das Diagramm)", "heading")]);
  const averages = ["Ø beratene Personen pro Monat", "Ø vermittelte Personen pro Monat"];
  const header = add([cell("Jahr", "header"), ...averages.map((a) => cell(a, "headerNumber"))]);
  fit(header, averages, YEAR_WIDTH);
  for (const y of years) add([cell(String(y.year), "label"), cell(y.figures.counseling.monthlyAvgPersons, "average"), cell(y.figures.referrals.monthlyAvgPersons, "average")]);
  const first = header + 1;
  const last = header + Math.max(1, years.length);
  const chartTop = rows.length + 1;
  const range = (column: number) => ({ column, firstRow: first, lastRow: last });
  const chart: ChartModel = {
    title: "Asylbewerbende und Geduldete pro Monat im Jahresmittel: beraten und in Maßnahmen vermittelt",
    type: "column",
    categories: years.map((y) => String(y.year)),
    categoryRange: range(1),
    series: [
      { name: "Ø beratene Personen pro Monat", nameCell: { row: header, column: 2 }, values: years.map((y) => y.figures.counseling.monthlyAvgPersons), range: range(2) },
      { name: "Ø vermittelte Personen pro Monat", nameCell: { row: header, column: 3 }, values: years.map((y) => y.figures.referrals.monthlyAvgPersons), range: range(3) },
    ],
    anchor: { fromColumn: 0, fromRow: chartTop, toColumn: 4, toRow: chartTop + 18 },
    valueAxisTitle: "Personen",
  };
  for (let i = 0; i < 20; i++) add(undefined);
  return {
    name: MULTI_YEAR_SHEET_NAME,
    columnWidths: [LABEL_WIDTH, ...years.map(() => YEAR_WIDTH), ...(years.length < 3 ? new Array<number>(3 - years.length).fill(YEAR_WIDTH) : [])],
    rows,
    rowHeights: heights,
    charts: [chart],
    print: { orientation: "landscape", breaksBefore: [chartTop] },
  };
}
