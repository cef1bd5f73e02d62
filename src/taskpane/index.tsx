import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { officeServices } from "./services";

/* Renders once Office is ready, as the yo office React template does. */
void Office.onReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      {/* Fluent v9 announces (MessageBar, useAnnounce) only through an announcer at the root. */}
      <AriaLiveAnnouncer>
        <App services={officeServices()} />
      </AriaLiveAnnouncer>
    </FluentProvider>,
  );
});
