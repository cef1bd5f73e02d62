import { formatGermanInteger } from "./about";
import { listGerman } from "./paragraph";

/* German wording shared by the pane, the command line and the review: counts with their noun, progress. */

/** "1 Zeile", "2 Zeilen", "1.250 Zeilen". */
export function countOf(n: number, singular: string, plural: string): string {
  return `${formatGermanInteger(n)} ${n === 1 ? singular : plural}`;
}

/** The progress line while a sheet is read, in the pane and on the terminal alike. */
export function readingProgress(sheet: string, rows: number): string {
  return `Lese „${sheet}“: ${countOf(rows, "Zeile", "Zeilen")} …`;
}

/** "2018", "2018 und 2019", "2017, 2018 und 2019". */
export const yearsList = (years: readonly number[]): string => listGerman(years.map(String));
