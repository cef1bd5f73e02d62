/*
 * What a step shows below its button: the types only, shared by the pane and the browser page (which must not
 * pull in the pane's Office code).
 */

/** The steps: each shows the outcome of its own action next to its button ("review" on the browser page too). */
export type PaneStep = "recognise" | "check" | "help" | "review" | "retention";

/** The outcome of the last action, shown in the step it belongs to. */
export interface StepOutcome {
  readonly step: PaneStep;
  readonly kind: "progress" | "success" | "error";
  readonly text: string;
  /** What Excel said when it refused (message, code, debugInfo). */
  readonly details?: string;
}
