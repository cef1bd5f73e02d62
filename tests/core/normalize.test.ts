import { normalizeName } from "../../src/core/normalize/names";
import { clientKey, displayClientId, looksLikeName } from "../../src/core/normalize/clientId";
import { isBlank } from "../../src/core/cells";

describe("normalizeName (spec 1)", () => {
  test.each([
    ["Klient:innen-ID", "klientid"],
    ["Teilnehmer*innen", "teilnehmer"],
    ["Kl.-Nr.", "klnr"],
    ["  Maßnahmen ", "massnahmen"],
    ["Staatsangehörigkeit", "staatsangehoerigkeit"],
    ["ÄÖÜ äöü ß", "aeoeueaeoeuess"],
    ["KlientIn", "klient"],
    ["KlientInnen", "klient"],
    ["Klient_innen", "klient"],
    ["Berater/in", "berater"],
    ["Berater:in", "berater"],
    ["Mitarbeiter_in", "mitarbeiter"],
    ["Teilnehmer/innen", "teilnehmer"],
    ["Vermittlung in", "vermittlungin"],
    ["Anzahl TN", "anzahltn"],
    ["Kategorie/Inhalt", "kategorieinhalt"],
  ])("%s → %s", (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe("client IDs (spec 2)", () => {
  test("' ik-0042 ', 'IK 0042' and 'IK-0042' are one client", () => {
    const keys = new Set([" ik-0042 ", "IK 0042", "IK-0042"].map(clientKey));
    expect(keys.size).toBe(1);
  });
  test("trimmed, upper-cased, whitespace removed for display", () => {
    expect(displayClientId("  ik 00 42 ")).toBe("IK0042");
    expect(displayClientId(" ik-0042 ")).toBe("IK-0042");
    expect(displayClientId(42)).toBe("42");
  });
  test("different numbers stay different clients", () => {
    expect(clientKey("IK-0042")).not.toBe(clientKey("IK-0043"));
  });
  test("an ID without a digit looks like a name", () => {
    expect(looksLikeName("MUELLER")).toBe(true);
    expect(looksLikeName("IK-0042")).toBe(false);
  });
});

describe("isBlank", () => {
  test.each(["", " ", "\t\n", "\u00a0", "\u2003 ", "a", " a", "a ", "\u00a0x", "ä", "~", "\u007f", "0"])("%j: blank exactly when it trims to nothing", (text) => {
    expect(isBlank(text)).toBe(text.trim() === "");
  });

  test.each([[null, true], [undefined, true], [0, false], [false, false], [{ error: "#NV" }, false]] as const)("%p: %p", (value, blank) => {
    expect(isBlank(value)).toBe(blank);
  });
});
