import { columnLetter } from "../cells";
import { MONTH_WORDS } from "../dates/parseDate";
import { excelString } from "../excel/references";
import { SheetInfo } from "../recognize/sheetIngest";
import { MAX_ATTENDEES } from "../validate/fieldRules";
import { Field } from "../vocabulary/columns";
import { CATEGORY_SPELLINGS } from "../vocabulary/referralCategory";
import { STATUS_SPELLINGS } from "../vocabulary/residenceStatus";
import { SheetKind } from "../vocabulary/sheetKinds";
import { EARLIEST_BIRTH_YEAR, GENDER_SPELLING_LIST } from "../vocabulary/personAttributes";

/*
 * The marks in the team's sheets that need no add-in running: one conditional format per rule and column, whose
 * formula says for a row what the validator says of that cell. The formulas are made here from the rule tables the
 * validator reads (status and category spellings, month names, the earliest plausible day, the most attendees), in
 * Excel's formula language with English function names (as the API takes them; German Excel shows them translated)
 * and without functions newer than Excel 2021. Each formula carries its German description as `N("…")`, which
 * adds 0: Excel's rule manager shows the formula, and so the description, for every rule.
 *
 * What a formula cannot say exactly is left out or narrowed, and written down in docs/decisions.md ("Marks in the
 * sheet"): duplicates and client lookups compare cells as written (COUNTIFS and MATCH cannot normalise).
 */

/** The tag every formula of Fallbilanz carries: what tells its rules from the team's own. */
export const MARK_TAG = "Fallbilanz:";

/** One rule on one column: the formula for the column's first data row (relative to it), and what it means. */
export interface MarkRule {
  readonly sheet: string;
  /** 0-based column the mark colours. */
  readonly column: number;
  /** 1-based first data row (the row below the header): the formula is written for it. */
  readonly firstRow: number;
  readonly field: Field;
  /** German, as the rule manager and the confirmation dialog show it. */
  readonly description: string;
  /** The formula, `=` included, for row `firstRow` (references to other rows move with the row). */
  readonly formula: string;
  /** The finding codes of the validator this mark stands for (for the tests). */
  readonly codes: readonly string[];
}

/** The light fill of every mark (Excel's "Neutral" yellow), readable with black text and in print. */
export const MARK_FILL = "#FFEB9C";

const q = excelString;
const list = (items: readonly (string | number)[]): string => `{${items.map((i) => (typeof i === "number" ? String(i) : q(i))).join(",")}}`;

/** Characters the name normalisation drops that a formula removes one by one (letters and digits stay). */
const DROPPED = [" ", "-", ".", ",", ";", "*", ":", "/", "_", "(", ")", "'", '"', "!", "?", "&", "+", "#", "\u2013", "\u2014", "\u00a0"];

/**
 * The name normalisation of the rules as a formula over a cell: gender markers (`*innen`, `:in` …, a capital
 * `Innen` glued on), umlauts spelled out, lower case, the usual punctuation and spaces dropped.
 */
function normalised(ref: string): string {
  let x = `TRIM(${ref}&"")`;
  for (const marker of ["*innen", ":innen", "/innen", "_innen", "*in", ":in", "/in", "_in"]) x = `SUBSTITUTE(${x},${q(marker)},"")`;
  x = `LOWER(SUBSTITUTE(${x},"Innen",""))`;
  for (const [from, to] of [["ä", "ae"], ["ö", "oe"], ["ü", "ue"], ["ß", "ss"]]) x = `SUBSTITUTE(${x},${q(from)},${q(to)})`;
  for (const ch of DROPPED) x = `SUBSTITUTE(${x},${q(ch)},"")`;
  return x;
}

/** Blank as the rules read it: empty or only spaces (an error value is not blank). */
const blank = (ref: string): string => `IFERROR(LEN(TRIM(${ref}))=0,FALSE)`;
const FIRST_DAY = "DATE(2000,1,1)";
/** The month of a German month word (lower case), by the rules' table; #N/A for another word. */
function monthOf(word: string): string {
  const words = Object.keys(MONTH_WORDS);
  return `INDEX(${list(words.map((w) => MONTH_WORDS[w]))},MATCH(LOWER(${word}),${list(words)},0))`;
}

/** Token `k` (1-based) of a text whose separators were made runs of 99 spaces (each formula then names the text once). */
const token = (spread: string, k: number): string => `TRIM(MID(${spread},${(k - 1) * 99 + 1},99))`;
const spreadAt = (text: string, separator: string): string => `SUBSTITUTE(${text},${q(separator)},REPT(" ",99))`;
/** How often `ch` occurs in `text`. */
const countOf = (text: string, ch: string): string => `(LEN(${text})-LEN(SUBSTITUTE(${text},${q(ch)},"")))`;
/**
 * A part of a date of `min` to `max` characters. That it is a number is left to DATE: `--` of any other text is
 * an error, and the branch's IFERROR makes it no date.
 */
const numeral = (x: string, min: number, max: number): string => (min === max ? `LEN(${x})=${min}` : `LEN(${x})<=${max}`);
/** A month number from 1 to 12 (a whole number, as the parts are). */
const monthNumber = (m: string): string => `ABS(${m}-6.5)<6`;
/**
 * Day `d` (1 to 31) and month `m` (1 to 12) of year `y` make a calendar day of the rules' years: a day beyond the
 * month's end would move DATE into the next month, so that its day differs.
 */
function calendarDay(y: string, m: string, d: string): string {
  const v = `DATE(${y},${m},${d})`;
  return `AND(${y}>=2000,DAY(${v})=${d},${v}<=TODAY())`;
}

/**
 * Whether the trimmed text `t` is a date of the rules' forms on a plausible day; a time behind the date (` 14:30`,
 * `T10:00:00Z`, ` 14:30 Uhr`) is left out.
 */
function textDate(t: string): string {
  // The date of d.m.yyyy and yyyy-mm-dd forms: up to the first space, or the ISO form's T; what follows must be a time.
  const p = `LEFT(${t},FIND(" ",SUBSTITUTE(${t},"T"," ",1)&" ")-1)`;
  const timeOk = `OR(LEN(${p})=LEN(${t}),ISNUMBER(FIND(":",MID(${t},LEN(${p})+2,9))))`;
  // d.m.yyyy, dd.mm.yyyy, d.m.yy (20yy): three numbers between two dots.
  const dots = spreadAt(p, ".");
  const [dd, mm, yy] = [token(dots, 1), token(dots, 2), token(dots, 3)];
  const dotted = `IFERROR(AND(${countOf(p, ".")}=2,${numeral(dd, 1, 2)},${numeral(mm, 1, 2)},${monthNumber(`--${mm}`)},OR(LEN(${yy})=2,LEN(${yy})=4),${calendarDay(`IF(LEN(${yy})=2,2000,0)+${yy}`, `--${mm}`, `--${dd}`)}),FALSE)`;
  // yyyy-mm-dd
  const iso = `IFERROR(AND(LEN(${p})=10,MID(${p},5,1)="-",MID(${p},8,1)="-",${monthNumber(`MID(${p},6,2)`)},${calendarDay(`--LEFT(${p},4)`, `--MID(${p},6,2)`, `--MID(${p},9,2)`)}),FALSE)`;
  // d. Monat yyyy, d. Mon. yyyy: day and dot, the month word (a dot after it or not), a space, four digits.
  const w = `TRIM(IFERROR(LEFT(${t},FIND(":",${t})-3),${t}))`;
  const spread = spreadAt(`TRIM(SUBSTITUTE(${w},"."," "))`, " ");
  const [wd, word, wy] = [token(spread, 1), token(spread, 2), token(spread, 3)];
  const worded =
    `IFERROR(AND(LEN(${token(spread, 4)})=0,LEFT(${w},LEN(${wd})+1)=${wd}&".",RIGHT(${w},5)=" "&${wy},` +
    `${numeral(wd, 1, 2)},${numeral(wy, 4, 4)},${calendarDay(`--${wy}`, monthOf(word), `--${wd}`)}),FALSE)`;
  return `OR(AND(${timeOk},OR(${dotted},${iso})),${worded})`;
}

/** A date cell: a serial of a plausible day, or text of the rules' forms. */
function dateOk(ref: string): string {
  return `IF(ISERROR(${ref}),FALSE,IF(ISNUMBER(${ref}),AND(${ref}>=1,MEDIAN(${FIRST_DAY},INT(${ref}),TODAY())=INT(${ref})),IF(ISTEXT(${ref}),${textDate(`TRIM(${ref})`)},FALSE)))`;
}

/** A client ID as the key of the rules: upper case, without spaces and separators; blank when nothing is left. */
function idBlank(ref: string): string {
  let x = `TRIM(${ref}&"")`;
  for (const ch of [" ", "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "_", ".", "/", "\u00a0"]) x = `SUBSTITUTE(${x},${q(ch)},"")`;
  // An error value has no ID either (the rules read it as blank).
  return `IFERROR(LEN(${x})=0,TRUE)`;
}

/** Whether the normalised text of a cell is among the spellings. */
const listed = (ref: string, spellings: readonly string[]): string => `ISNUMBER(MATCH(${normalised(ref)},${list(spellings)},0))`;

/** Whether the text `x` is `min` to `max` digits and nothing else (no sign, point, space or exponent). */
const digits = (x: string, min: number, max: number): string =>
  `AND(LEN(${x})>=${min},LEN(${x})<=${max},ISNUMBER(--${x}),${x}=TEXT(--${x},REPT("0",LEN(${x}))))`;

/** A whole number from 0 to the most attendees, as a number or as text of digits with spaces around. */
function attendeesOk(ref: string): string {
  const t = `TRIM(${ref})`;
  return `IF(ISERROR(${ref}),FALSE,IF(ISNUMBER(${ref}),AND(${ref}=INT(${ref}),${ref}>=0,${ref}<=${MAX_ATTENDEES}),IF(ISTEXT(${ref}),IFERROR(AND(${digits(t, 1, 32)},--${t}<=${MAX_ATTENDEES}),FALSE),FALSE)))`;
}

/** A1 reference of a column in row `row`: the column absolute, the row relative (so that the rule moves down). */
const cellRef = (column: number, row: number): string => `$${columnLetter(column)}${row}`;
/** A reference to a cell of another sheet's column, whole column. */
const sheetColumn = (sheet: string, column: number): string => `'${sheet.replace(/'/g, "''")}'!$${columnLetter(column)}:$${columnLetter(column)}`;

/**
 * The rules on a sheet's recognised columns, given the workbook's clients sheet (for a blank status). The formulas
 * are written for the first data row, or for `atRow` (the same rule, as Excel moves it down to that row).
 */
export function markRules(sheet: SheetInfo, clients: SheetInfo | undefined, atRow?: number): MarkRule[] {
  const kind = sheet.kind;
  if (kind === undefined || sheet.headerRow === undefined) return [];
  const row = atRow ?? sheet.headerRow + 1;
  const c = sheet.columns;
  const ref = (field: Field): string => cellRef(c[field]!, row);
  // A data row: something in a recognised column (names and notes included).
  const used = [...Object.values(c), ...sheet.personalNameColumns, ...sheet.notesColumns].filter((x, i, all) => all.indexOf(x) === i);
  const dataRow = `OR(${used.map((col) => `NOT(${blank(cellRef(col, row))})`).join(",")})`;
  const rules: MarkRule[] = [];
  const add = (field: Field, description: string, condition: string, codes: string[]): void => {
    if (c[field] === undefined) return;
    rules.push({ sheet: sheet.name, column: c[field], firstRow: row, field, description, codes, formula: `=AND(${dataRow},${condition})+N(${q(`${MARK_TAG} ${description}`)})` });
  };
  if (kind !== "clients") add("date", "Datum fehlt, ist kein gültiges Datum oder liegt vor 2000 oder in der Zukunft", `NOT(${dateOk(ref("date"))})`, ["E_DATE_MISSING", "E_DATE_INVALID", "E_DATE_IMPLAUSIBLE"]);
  if (kind !== "events") {
    add("clientId", "Klient-ID fehlt", idBlank(ref("clientId")), ["E_ID_MISSING"]);
    add("clientId", "Klient-ID ohne Ziffer: vielleicht ein Name (Warnung)", `AND(NOT(${idBlank(ref("clientId"))}),COUNT(FIND({0,1,2,3,4,5,6,7,8,9},${ref("clientId")}&""))=0)`, ["W_ID_LOOKS_LIKE_NAME"]);
  }
  if (c.status !== undefined) {
    add("status", "Aufenthaltsstatus ist keiner der Liste", `AND(NOT(${blank(ref("status"))}),NOT(${listed(ref("status"), STATUS_SPELLINGS)}))`, ["E_STATUS_UNKNOWN"]);
    add("status", missingStatusDescription(kind, clients), `AND(${blank(ref("status"))},${missingStatus(kind, ref("clientId"), c.clientId !== undefined, clients)})`, ["E_STATUS_MISSING"]);
  }
  if (kind === "referrals") add("category", "Art der Vermittlung fehlt oder ist keine der Liste", `NOT(${listed(ref("category"), CATEGORY_SPELLINGS)})`, ["E_CATEGORY_MISSING", "E_CATEGORY_UNKNOWN"]);
  if (kind === "events") {
    add("topic", "Thema der Veranstaltung fehlt", `OR(ISERROR(${ref("topic")}),${blank(ref("topic"))})`, ["E_TOPIC_MISSING"]);
    add("attendees", `Teilnehmende keine ganze Zahl von 0 bis ${MAX_ATTENDEES.toLocaleString("de-DE")}`, `NOT(${attendeesOk(ref("attendees"))})`, ["E_ATTENDEES_INVALID"]);
  }
  if (kind === "clients" && c.clientId !== undefined && c.status !== undefined) {
    // Checked on the rows the clients sheet accepts: an ID and a status of the list.
    const accepted = `NOT(${idBlank(ref("clientId"))}),${listed(ref("status"), STATUS_SPELLINGS)}`;
    const text = (field: Field): string => `IFERROR(TRIM(${ref(field)}&""),"")`;
    add("gender", "Geschlecht nicht zuzuordnen, zählt als „ohne Angabe“ (Warnung)", `AND(${accepted},${text("gender")}<>"",${normalised(text("gender"))}<>"",NOT(${listed(text("gender"), GENDER_SPELLING_LIST)}))`, ["W_GENDER_UNKNOWN"]);
    const year = text("birthYear");
    add("birthYear", `Geburtsjahr keine Jahreszahl von ${EARLIEST_BIRTH_YEAR} bis heute, zählt als „ohne Angabe“ (Warnung)`, `AND(${accepted},${year}<>"",NOT(IFERROR(AND(${digits(year, 4, 4)},--${year}>=${EARLIEST_BIRTH_YEAR},--${year}<=YEAR(TODAY())),FALSE)))`, ["W_BIRTH_YEAR_INVALID"]);
  }
  const duplicate = duplicateRule(kind, sheet, row);
  if (duplicate) add(duplicate.field, duplicate.description, duplicate.condition, ["W_DUPLICATE"]);
  return rules;
}

function missingStatusDescription(kind: SheetKind, clients: SheetInfo | undefined): string {
  if (kind === "clients" || clients?.columns.status === undefined || clients.columns.clientId === undefined) return "Aufenthaltsstatus fehlt";
  return `Aufenthaltsstatus fehlt, auch bei der Person im Blatt „${clients.name}“`;
}

/** A blank status is missing unless the clients sheet has a status of the list for this client ID (as written). */
function missingStatus(kind: SheetKind, id: string, hasId: boolean, clients: SheetInfo | undefined): string {
  if (kind === "clients" || !hasId || clients?.columns.status === undefined || clients.columns.clientId === undefined) return "TRUE";
  const ids = sheetColumn(clients.name, clients.columns.clientId);
  const statuses = sheetColumn(clients.name, clients.columns.status);
  const theirs = `INDEX(${statuses},MATCH(TRIM(${id}&""),${ids},0))`;
  return `NOT(IFERROR(${listed(theirs, STATUS_SPELLINGS)},FALSE))`;
}

/** A later row repeating an earlier one, compared as written: the columns of the duplicate rule. */
function duplicateRule(kind: SheetKind, sheet: SheetInfo, row: number): { field: Field; description: string; condition: string } | undefined {
  const fields: Field[] = kind === "counselling" ? ["clientId", "date", "topic"] : kind === "referrals" ? ["clientId", "date", "category"] : kind === "events" ? ["date", "topic", "location", "attendees"] : [];
  const present = fields.filter((f) => sheet.columns[f] !== undefined);
  if (present.length === 0 || sheet.columns.date === undefined || kind === "clients") return undefined;
  const header = sheet.headerRow!;
  const criteria = present.map((f) => {
    const col = columnLetter(sheet.columns[f]!);
    return `$${col}$${header}:$${col}${row - 1},$${col}${row}&""`;
  });
  const what = kind === "counselling" ? "Person, Datum und Thema" : kind === "referrals" ? "Person, Datum und Art der Vermittlung" : "Datum, Thema, Ort und Teilnehmende";
  // Rows without an ID, a date or (events) a topic are errors of their own, never duplicates.
  const ref = (f: Field): string => cellRef(sheet.columns[f]!, row);
  const own = [`NOT(${blank(ref("date"))})`];
  if (kind !== "events" && sheet.columns.clientId !== undefined) own.push(`NOT(${idBlank(ref("clientId"))})`);
  if (kind === "events" && sheet.columns.topic !== undefined) own.push(`NOT(${blank(ref("topic"))})`);
  return { field: "date", description: `Doppelter Eintrag: gleiche ${what} wie eine Zeile darüber`, condition: `AND(${own.join(",")},COUNTIFS(${criteria.join(",")})>0)` };
}

/** Every mark of the workbook's recognised sheets. */
export function workbookMarks(sheets: readonly SheetInfo[]): MarkRule[] {
  const clients = sheets.find((s) => s.kind === "clients" && s.headerRow !== undefined);
  return sheets.flatMap((s) => markRules(s, clients));
}
