import { ColumnMap } from "../../core/recognize/headerRow";

/** What the add-in keeps in the workbook (document settings), so it holds next time and for colleagues. */
export interface StoredChoices {
  /** Columns chosen by hand, per sheet name: field → 0-based column. */
  readonly columns: Readonly<Record<string, ColumnMap>>;
  /** The sheets the add-in wrote, by id and the name it wanted: only these are ever replaced. */
  readonly writtenSheets: readonly { readonly id: string; readonly wanted: string }[];
  /** Per sheet name: 0-based columns the team marked as personal data (cleared by "Personenbezug entfernen"). */
  readonly personalColumns?: Readonly<Record<string, readonly number[]>>;
  /** The office's retention period in years, as last used. */
  readonly retentionYears?: number;
}

const KEY = "fallbilanz";
const EMPTY: StoredChoices = { columns: {}, writtenSheets: [] };

export interface SettingsStore {
  load(): StoredChoices;
  save(choices: StoredChoices): Promise<void>;
}

/** Document settings of Office.js: stored inside the workbook file. */
export function documentSettings(settings: Office.Settings = Office.context.document.settings): SettingsStore {
  return {
    load: () => ({ ...EMPTY, ...((settings.get(KEY) as Partial<StoredChoices> | null) ?? {}) }),
    save: (choices) =>
      new Promise((resolve, reject) => {
        settings.set(KEY, choices);
        settings.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? "Einstellungen nicht gespeichert")),
        );
      }),
  };
}
