import { makeStyles, tokens } from "@fluentui/react-components";

/** Every step lays out as a column: heading, text, controls (Fluent's Text is inline by default). */
export const useStepStyles = makeStyles({
  step: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalS },
  wide: { alignSelf: "stretch" },
});
