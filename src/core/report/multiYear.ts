import { ChartModel, OutCell, OutRow, OutSheet, cell } from "./sheetModel";
import { HEADLINES } from "./headlines";
import { FiguresOfYear, yearFigures } from "./years";

export const MULTI_YEAR_SHEET_NAME = "Mehrjahresübersicht";

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
  add([cell("Kennzahl", "header"), ...years.map((y) => cell(String(y.year), "headerNumber"))]);
  for (const r of HEADLINES) add([cell(r.label, "label"), ...years.map((y): OutCell => cell(r.pick(y.figures), r.style))]);
  add(undefined);
  add([cell("Monatsmittel je Jahr (für das Diagramm)", "heading")]);
  const header = add([cell("Jahr", "header"), cell("Ø beratene Personen pro Monat", "headerNumber"), cell("Ø vermittelte Personen pro Monat", "headerNumber")]);
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
    columnWidths: [50, ...years.map(() => 14), ...(years.length < 3 ? new Array<number>(3 - years.length).fill(14) : [])],
    rows,
    rowHeights: { [header]: 32 },
    charts: [chart],
    print: { orientation: "landscape", breaksBefore: [chartTop] },
  };
}
