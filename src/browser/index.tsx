import { AriaLiveAnnouncer, FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { BrowserApp } from "./BrowserApp";
import { Engine } from "./engine";

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <AriaLiveAnnouncer>
        <BrowserApp engine={new Engine()} />
      </AriaLiveAnnouncer>
    </FluentProvider>,
  );
}
