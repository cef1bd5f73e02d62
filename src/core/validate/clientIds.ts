import { Cell, isCellError } from "../cells";
import { displayClientId, keyOfDisplayed, looksLikeName } from "../normalize/clientId";

/** A client ID as read from a cell: the key that makes spellings one client, the spelling shown, and the name check. */
export interface ClientIdReading {
  /** Empty when the cell holds no ID. */
  readonly key: string;
  readonly display: string;
  /** No digit: it may be a name (W_ID_LOOKS_LIKE_NAME). */
  readonly looksLikeName: boolean;
  /** The key's number (see `ClientIds.count`); -1 when the cell holds no ID. */
  readonly number: number;
}

const NONE: ClientIdReading = { key: "", display: "", looksLikeName: false, number: -1 };

/**
 * The client IDs of one workbook as validation reads them: each distinct cell value is read once, however many
 * rows repeat it, and all rows of a client share one key and one display string (time and memory on large
 * workbooks). Made per validation and dropped with it.
 */
export class ClientIds {
  private readonly readings = new Map<string | number | boolean, ClientIdReading>();
  private readonly numbers = new Map<string, number>();

  /**
   * How many keys have been read: each key has a number below it (0, 1, 2, … in the order first read), the same for
   * every spelling of it, so that the report's passes over clients can use arrays instead of maps of texts.
   */
  get count(): number {
    return this.numbers.size;
  }

  read(value: Cell): ClientIdReading {
    if (value === null || value === undefined || isCellError(value)) return value === null || value === undefined ? NONE : this.make(value);
    let reading = this.readings.get(value);
    if (!reading) {
      reading = this.make(value);
      this.readings.set(value, reading);
    }
    return reading;
  }

  private make(value: Cell): ClientIdReading {
    const display = displayClientId(value);
    const key = keyOfDisplayed(display);
    if (key === "") return NONE;
    let number = this.numbers.get(key);
    if (number === undefined) this.numbers.set(key, (number = this.numbers.size));
    return { key, display, looksLikeName: looksLikeName(display), number };
  }
}
