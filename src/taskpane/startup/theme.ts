import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";

/** The part of `Office.context.officeTheme` the pane looks at. */
export interface OfficeThemeLike {
  readonly bodyBackgroundColor?: string;
}

/** Relative luminance (WCAG) of a `#rrggbb` colour, or undefined if it is not one. */
function luminance(hex: string): number | undefined {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return undefined;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Fluent's dark theme when Office shows a dark body (Office's "Dunkelgrau" and "Schwarz" themes), else the light
 * one. Office on the web and older builds may give no theme: light, as Excel itself looks there.
 */
export function fluentThemeFor(officeTheme: OfficeThemeLike | undefined): Theme {
  const l = officeTheme?.bodyBackgroundColor ? luminance(officeTheme.bodyBackgroundColor) : undefined;
  return l !== undefined && l < 0.2 ? webDarkTheme : webLightTheme;
}
