import type { ReactElement } from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { MotionBehaviourProvider } from "@fluentui/react-motion";
import { render, type RenderResult } from "@testing-library/react";

/**
 * Renders pane content as the task pane does, with Fluent's motion skipped (Fluent's documented switch,
 * `MotionBehaviourProvider value="skip"`): a dialog or message bar then opens and closes at once, so that a test
 * never depends on how long an animation takes on a busy machine.
 */
export function renderInPane(ui: ReactElement): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <MotionBehaviourProvider value="skip">{ui}</MotionBehaviourProvider>
    </FluentProvider>,
  );
}
