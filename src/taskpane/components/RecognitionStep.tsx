import { useStepStyles } from "./stepStyles";
import { Caption1, Checkbox, Field, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { columnLabel, markableColumns, personalColumnsOf } from "../../core/retention/personalColumns";
import { columnLetter } from "../../core/cells";
import { NO_COLUMN } from "../../core/recognize/headerRow";
import { SheetInfo } from "../../core/recognize/sheetIngest";
import { FIELD_LABELS, Field as FieldName, NEVER_COPIED, fieldBelongsTo, ALL_FIELDS } from "../../core/vocabulary/columns";
import type { StepOutcome as Outcome } from "./outcome";
import { SheetList } from "./SheetList";
import { StepOutcome } from "./StepOutcome";

const useStyles = makeStyles({
  columns: {
    display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, marginBlock: tokens.spacingVerticalS, marginInline: 0,
    paddingBlock: tokens.spacingVerticalXS, paddingInline: tokens.spacingHorizontalS, minWidth: 0,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium,
  },
  select: { maxWidth: "100%", minWidth: 0 },
  summary: { cursor: "pointer", color: tokens.colorBrandForegroundLink },
});

export interface RecognitionStepProps {
  readonly sheets: readonly SheetInfo[];
  readonly outcome: Outcome | undefined;
  readonly disabled: boolean;
  /** `undefined`: back to automatic recognition; `NO_COLUMN`: the field has no column. */
  readonly onChooseColumn: (sheet: string, field: FieldName, column: number | undefined) => void;
  /** The columns the team marked as personal data, per sheet. */
  readonly markedColumns: (sheet: string) => readonly number[];
  readonly onMarkPersonal: (sheet: string, column: number, marked: boolean) => void;
}

/**
 * Step 1: the recognised workbook as a short summary, one line per sheet; its columns can be adjusted on demand
 * (closed by default, so that the pane stays short and the review is a few tab stops away).
 */
export function RecognitionStep({ sheets, outcome, disabled, onChooseColumn, markedColumns, onMarkPersonal }: RecognitionStepProps): JSX.Element {
  const step = useStepStyles();
  const styles = useStyles();
  const recognised = sheets.filter((s) => s.kind !== undefined);
  return (
    <section aria-labelledby="step-recognise" className={step.step}>
      <Subtitle2 as="h2" id="step-recognise">1. Arbeitsmappe erkennen</Subtitle2>
      <SheetList sheets={sheets} />
      {recognised.some((s) => s.headerRow !== undefined) && (
        <details className={step.wide}>
          <summary className={styles.summary}>Spalten anpassen</summary>
          {recognised.filter((s) => s.headerRow !== undefined).map((sheet) => (
            <fieldset key={sheet.name} className={styles.columns}>
              <legend><strong>{sheet.name}</strong></legend>
              {ALL_FIELDS.filter((f) => !NEVER_COPIED.has(f) && fieldBelongsTo(f, sheet.kind!)).map((field) => (
                <Field key={field} label={FIELD_LABELS[field]} size="small">
                  <Select
                    size="small"
                    className={styles.select}
                    aria-label={`${FIELD_LABELS[field]} in „${sheet.name}“`}
                    disabled={disabled}
                    value={sheet.columns[field] === undefined ? String(NO_COLUMN) : String(sheet.columns[field])}
                    onChange={(_, data) => onChooseColumn(sheet.name, field, data.value === "auto" ? undefined : Number(data.value))}
                  >
                    <option value={String(NO_COLUMN)}>– keine Spalte –</option>
                    <option value="auto">Automatisch erkennen</option>
                    {sheet.headers.map((header, column) => (
                      <option key={column} value={String(column)}>
                        {columnLetter(column)}: {header || "(leer)"}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
              <PersonalColumns sheet={sheet} marked={markedColumns(sheet.name)} disabled={disabled} onMark={(c, m) => onMarkPersonal(sheet.name, c, m)} />
            </fieldset>
          ))}
        </details>
      )}
      <StepOutcome step="recognise" outcome={outcome} />
    </section>
  );
}

/**
 * The columns of a sheet that hold personal data beyond those recognised (telephone, address, e-mail): marked here,
 * they are listed in the Löschliste and cleared by "Personenbezug entfernen". Columns a figure reads are not offered.
 */
function PersonalColumns({ sheet, marked, disabled, onMark }: { sheet: SheetInfo; marked: readonly number[]; disabled: boolean; onMark: (column: number, marked: boolean) => void }): JSX.Element | null {
  const known = new Set(personalColumnsOf(sheet).map((p) => p.column));
  const offered = markableColumns(sheet).filter((c) => !known.has(c) && (sheet.headers[c] ?? "") !== "");
  const id = useId();
  if (offered.length === 0) return null;
  return (
    // A group, not a Field: a Field names its one control, and each checkbox here has its own name.
    <div role="group" aria-labelledby={id}>
      <Caption1 id={id} block>
        Weitere Spalten mit Personenbezug (für die Löschfristen)
      </Caption1>
      {offered.map((column) => (
        <Checkbox
          key={column}
          size="medium"
          label={columnLabel(sheet, column)}
          checked={marked.includes(column)}
          disabled={disabled}
          onChange={(_, data) => onMark(column, data.checked === true)}
        />
      ))}
    </div>
  );
}
