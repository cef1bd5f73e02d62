import { Cell, UnreadableReason, isCellError } from "../cells";
import { formatDayGerman, Day } from "../dates/calendarDay";
import { FIELD_LABELS, Field } from "../vocabulary/columns";
import { REFERRAL_CATEGORIES } from "../vocabulary/referralCategory";
import { RESIDENCE_STATUSES } from "../vocabulary/residenceStatus";
import { MAX_ATTENDEES } from "./fieldRules";
import { germanErrorName } from "../vocabulary/errorNames";
import { FindingCode } from "./findings";

/** Context a message may mention. Nothing here ever holds a cell's contents. */
export interface MessageContext {
  readonly today?: Day;
  readonly field?: Field;
  readonly firstRow?: number;
  readonly duplicateOf?: string;
  readonly formulaError?: string;
  /** The cell could not be read (too long, or damaged in the file) rather than holding a formula error. */
  readonly unreadable?: UnreadableReason;
}

/** The context of a cell that holds an error value, or nothing. */
export function cellErrorContext(value: Cell): MessageContext {
  return isCellError(value) ? { formulaError: value.error, unreadable: value.unreadable } : {};
}

const STATUS_LIST = RESIDENCE_STATUSES.join(", ");
const CATEGORY_LIST = REFERRAL_CATEGORIES.join(", ");

function formulaErrorNote(ctx: MessageContext): string {
  if (ctx.unreadable === "tooLong") {
    return " Die Zelle ist länger als die 32.767 Zeichen, die eine Excel-Zelle fassen kann; bitte den Inhalt kürzen.";
  }
  if (ctx.unreadable === "damaged") {
    return " Der Inhalt der Zelle ist in der Datei beschädigt und nicht lesbar; bitte den Wert neu eintragen und die Datei speichern.";
  }
  return ctx.formulaError ? ` Die Zelle enthält den Formelfehler ${germanErrorName(ctx.formulaError)}; bitte die Formel prüfen.` : "";
}

/** The German message of each code: what is wrong and what to fix. */
export function messageFor(code: FindingCode, ctx: MessageContext = {}): string {
  switch (code) {
    case "E_DATE_MISSING":
      return "Datum fehlt. Bitte das Datum eintragen, z. B. 03.02.2019.";
    case "E_DATE_INVALID":
      return (
        "Kein gültiges Datum. Bitte als Datum eintragen, z. B. 03.02.2019, 2019-02-03 oder 3. Februar 2019, " +
        "und prüfen, ob es den Tag gibt (einen 31.02. gibt es nicht)." + formulaErrorNote(ctx)
      );
    case "E_DATE_IMPLAUSIBLE":
      return (
        `Datum liegt vor dem 01.01.2000 oder nach dem heutigen Tag${ctx.today !== undefined ? ` (${formatDayGerman(ctx.today)})` : ""}. ` +
        "Bitte das Datum prüfen (Tippfehler im Jahr?)."
      );
    case "E_ID_MISSING":
      return "Klient-ID fehlt. Bitte die Kennung der Person eintragen (z. B. IK-0042)." + formulaErrorNote(ctx);
    case "W_ID_LOOKS_LIKE_NAME":
      return (
        "Die Klient-ID enthält keine Ziffer und sieht wie ein Name aus. Bitte statt eines Namens die pseudonyme " +
        "Kennung eintragen (z. B. IK-0042). Die Zeile wird gezählt; die Kennung erscheint in keiner Ausgabe."
      );
    case "E_STATUS_MISSING":
      return `Aufenthaltsstatus fehlt, auch im Blatt der Klienten. Bitte einen dieser Werte eintragen: ${STATUS_LIST}.`;
    case "E_STATUS_UNKNOWN":
      return `Aufenthaltsstatus nicht erkannt. Bitte einen dieser Werte eintragen: ${STATUS_LIST}.` + formulaErrorNote(ctx);
    case "E_CATEGORY_MISSING":
      return `Art der Vermittlung fehlt. Bitte einen dieser Werte eintragen: ${CATEGORY_LIST}.`;
    case "E_CATEGORY_UNKNOWN":
      return `Art der Vermittlung nicht erkannt. Bitte einen dieser Werte eintragen: ${CATEGORY_LIST}.` + formulaErrorNote(ctx);
    case "E_TOPIC_MISSING":
      return "Thema der Veranstaltung fehlt. Bitte das Thema eintragen, z. B. Arbeitsrecht." + formulaErrorNote(ctx);
    case "E_ATTENDEES_INVALID":
      return (
        `Anzahl der Teilnehmenden ungültig. Bitte eine ganze Zahl von 0 bis ${MAX_ATTENDEES.toLocaleString("de-DE")} eintragen, z. B. 25.` +
        formulaErrorNote(ctx)
      );
    case "W_DUPLICATE":
      return (
        `Doppelter Eintrag: gleicht Zeile ${ctx.firstRow ?? "?"} (${ctx.duplicateOf ?? "gleiche Angaben"}). ` +
        "Die Zeile wird nicht gezählt; bitte löschen, falls sie versehentlich doppelt erfasst wurde."
      );
    case "W_GENDER_UNKNOWN":
      return (
        "Geschlecht nicht erkannt. Bitte w (weiblich), m (männlich) oder d (divers) eintragen oder die Zelle leer lassen. " +
        "Die Person zählt überall mit, in der Aufschlüsselung nach Geschlecht als „ohne Angabe“."
      );
    case "W_BIRTH_YEAR_INVALID":
      return (
        "Geburtsjahr ungültig. Bitte ein vierstelliges Jahr ab 1900 eintragen, z. B. 1994, oder die Zelle leer lassen. " +
        "Die Person zählt überall mit, in der Aufschlüsselung nach Alter als „ohne Angabe“."
      );
    case "W_PERSONAL_DATA_COLUMN":
      return (
        "Diese Spalte enthält Namen. Namen werden nicht ausgewertet und in keine Ausgabe übernommen; " +
        "für die Auswertung genügt die Klient-ID."
      );
    case "E_HEADER_MISSING":
      return (
        "Keine Kopfzeile erkannt: In den ersten 10 Zeilen muss eine Zeile mindestens zwei bekannte " +
        "Spaltenüberschriften enthalten (z. B. Datum und Klient-ID). Die Zeilen dieses Blatts werden nicht gezählt."
      );
    case "E_COLUMN_MISSING": {
      const label = ctx.field ? FIELD_LABELS[ctx.field] : "Pflichtspalte";
      return `Pflichtspalte „${label}“ fehlt. Bitte eine Spalte mit der Überschrift „${label}“ anlegen; bis dahin wird keine Zeile dieses Blatts gezählt.`;
    }
  }
}
