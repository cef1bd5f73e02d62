import { AriaLiveAnnouncer, FluentProvider, Theme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { StartupMessage } from "./components/StartupMessage";
import { officeServices } from "./services";
import { StartupProblem, startupProblem } from "./startup/support";
import { fluentThemeFor } from "./startup/theme";

/*
 * Renders once Office is ready, as the yo office React template does; instead of the pane, a German message
 * when office.js did not load (a proxy blocks Microsoft's CDN, the page opened in a plain browser), the host is
 * not Excel, or this Excel is too old. The theme follows Office's (dark in Office's dark themes).
 */

function render(theme: Theme, problem: StartupProblem | undefined): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={theme}>
      {/* Fluent v9 announces (MessageBar, useAnnounce) only through an announcer at the root. */}
      <AriaLiveAnnouncer>{problem ? <StartupMessage problem={problem} /> : <App services={officeServices()} />}</AriaLiveAnnouncer>
    </FluentProvider>,
  );
}

if (typeof Office === "undefined") {
  render(webLightTheme, "officeMissing");
} else {
  void Office.onReady((info) => {
    const theme = fluentThemeFor(Office.context?.officeTheme);
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
    render(theme, startupProblem(Office, info?.host ? String(info.host) : null));
  });
}
