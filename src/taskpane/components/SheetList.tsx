import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { notEvaluatedSheets } from "../../core/report/notEvaluated";
import type { SheetInfo } from "../../core/recognize/sheetIngest";
import { SHEET_KIND_LABELS } from "../../core/vocabulary/sheetKinds";
import { useStepStyles } from "./stepStyles";

/*
 * The workbook's sheets as recognised, as the pane and the browser page show them: each recognised sheet with its
 * kind and header row, then every other sheet with the reason it is not evaluated (never dropped in silence).
 */

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: 0, listStyleType: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, alignSelf: "stretch" },
});

export function SheetList({ sheets }: { readonly sheets: readonly SheetInfo[] }): JSX.Element {
  const step = useStepStyles();
  const styles = useStyles();
  const recognised = sheets.filter((s) => s.kind !== undefined);
  const others = notEvaluatedSheets(sheets);
  return (
    <>
      {recognised.length === 0 && sheets.length > 0 && (
        <Body1>
          Kein Blatt als Beratungen, Vermittlungen, Veranstaltungen oder Klienten erkannt. Angesehen: {sheets.map((s) => `„${s.name}“`).join(", ")}.
        </Body1>
      )}
      <ul className={styles.list}>
        {recognised.map((sheet) => (
          <li key={sheet.name}>
            <Body1>
              <strong>{sheet.name}</strong>: {SHEET_KIND_LABELS[sheet.kind!]}
              {sheet.headerRow ? `, Kopfzeile ${sheet.headerRow}` : " (keine Kopfzeile gefunden)"}
            </Body1>
          </li>
        ))}
      </ul>
      {others.length > 0 && recognised.length > 0 && (
        <div className={step.wide}>
          <Caption1>Nicht ausgewertet:</Caption1>
          <ul className={styles.list}>
            {others.map((s) => (
              <li key={s.sheet}>
                <Caption1>
                  <strong>{s.sheet}</strong>: {s.reason}
                </Caption1>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
