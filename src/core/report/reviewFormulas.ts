import { excelString } from "../excel/references";
import { RECORDS_TABLE_NAME, RECORD_COLUMNS, RECORD_KINDS } from "./validatedRecords";

/*
 * The words of the formulas that recompute the review's figures over the table of validated records, as German
 * Excel shows them: German function names, `;` between arguments, structured references such as
 * `Eintraege[Datum]`. Each headline's formula is in its row of `HEADLINES` (headlines.ts); it is written into the
 * review as text, and pasted into a cell of the same workbook (with the add-in loaded) gives the figure beside
 * it, unrounded.
 */

/** A column of the records table: `Eintraege[Datum]`. */
export const ref = (column: keyof typeof RECORD_COLUMNS): string => `${RECORDS_TABLE_NAME}[${RECORD_COLUMNS[column]}]`;
/** A text argument. */
export const text = excelString;
/** The criterion pair "rows of this kind". */
export const kindIs = (kind: keyof typeof RECORD_KINDS): string => `${ref("kind")};${text(RECORD_KINDS[kind])}`;
/** The criterion pair "counselling or referral rows". */
export const kindIsActivity = (): string => `${ref("kind")};${text(`${RECORD_KINDS.counselling};${RECORD_KINDS.referrals}`)}`;
/** A call of one of the add-in's functions by its German name. */
export const call = (name: string, ...args: string[]): string => `=IK.${name}(${args.join(";")})`;
