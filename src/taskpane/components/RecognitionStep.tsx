import { useStepStyles } from "./stepStyles";
import { Body1, Caption1, Field, Select, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { columnLetter } from "../../core/cells";
import { IngestedSheet } from "../../core/recognize/sheetIngest";
import { FIELD_LABELS, Field as FieldName, NEVER_COPIED, fieldBelongsTo, ALL_FIELDS } from "../../core/vocabulary/columns";
import { SHEET_KIND_LABELS } from "../../core/vocabulary/sheetKinds";

const useStyles = makeStyles({
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, paddingBlock: tokens.spacingVerticalS },
  grid: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: tokens.spacingHorizontalS },
});

export interface RecognitionStepProps {
  readonly sheets: readonly IngestedSheet[];
  readonly disabled: boolean;
  /** `undefined`: back to automatic recognition. */
  readonly onChooseColumn: (sheet: string, field: FieldName, column: number | undefined) => void;
}

/** Step 1: which sheets were recognised as what, and which column was taken for each field. */
export function RecognitionStep({ sheets, disabled, onChooseColumn }: RecognitionStepProps): JSX.Element {
  const step = useStepStyles();
  const styles = useStyles();
  const recognised = sheets.filter((s) => s.kind !== undefined);
  const others = sheets.filter((s) => s.kind === undefined);
  return (
    <section aria-labelledby="step-recognise" className={step.step}>
      <Subtitle2 as="h2" id="step-recognise">1. Arbeitsmappe erkennen</Subtitle2>
      {recognised.length === 0 && <Body1>Noch kein Blatt erkannt.</Body1>}
      {recognised.map((sheet) => (
        <div key={sheet.name} className={`${styles.sheet} ${step.wide}`}>
          <Body1>
            <strong>{sheet.name}</strong>: {SHEET_KIND_LABELS[sheet.kind!]}
            {sheet.headerRow ? ` (Kopfzeile in Zeile ${sheet.headerRow})` : " (keine Kopfzeile gefunden)"}
          </Body1>
          {sheet.headerRow !== undefined && (
            <div className={styles.grid}>
              {ALL_FIELDS.filter((f) => !NEVER_COPIED.has(f) && fieldBelongsTo(f, sheet.kind!)).map((field) => (
                <Field key={field} label={FIELD_LABELS[field]} size="small">
                  <Select
                    size="small"
                    disabled={disabled}
                    value={sheet.columns[field] === undefined ? "" : String(sheet.columns[field])}
                    onChange={(_, data) => {
                      if (data.value === "auto") onChooseColumn(sheet.name, field, undefined);
                      else if (data.value !== "") onChooseColumn(sheet.name, field, Number(data.value));
                    }}
                  >
                    <option value="">– keine Spalte –</option>
                    <option value="auto">Automatisch erkennen</option>
                    {sheet.headers.map((header, column) => (
                      <option key={column} value={String(column)}>
                        {columnLetter(column)}: {header || "(leer)"}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </div>
          )}
        </div>
      ))}
      {others.length > 0 && <Caption1>Nicht ausgewertet: {others.map((s) => s.name).join(", ")}</Caption1>}
    </section>
  );
}
