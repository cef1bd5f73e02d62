import { REFERRAL_CATEGORIES, categoryGroup, isThirdPartyMeasure, referralCategoryOf } from "../../src/core/vocabulary/referralCategory";
import { isTargetGroup, residenceStatusOf } from "../../src/core/vocabulary/residenceStatus";
import { fieldOfHeader } from "../../src/core/vocabulary/columns";
import { sheetKindByName, isOutputSheetName } from "../../src/core/vocabulary/sheetKinds";

describe("residence status table (spec 2)", () => {
  test.each([
    ["Asylbewerbend", ["asylbewerber", "asylbewerberin", "asylbewerbende", "asylbewerbend", "asylsuchend", "asylsuchende", "asyl", "gestattung", "aufenthaltsgestattung", "Asylbewerber*in", "AsylbewerberIn"]],
    ["Geduldet", ["geduldet", "geduldete", "duldung", "ausbildungsduldung", "beschaeftigungsduldung", "Beschäftigungsduldung"]],
    ["Anerkannt", ["anerkannt", "anerkannte", "aufenthaltserlaubnis", "schutzstatus", "fluechtling", "Flüchtling", "subsidiaerschutz", "Subsidiär Schutz", "asylberechtigt"]],
    ["Sonstige", ["sonstige", "sonstiges", "andere"]],
  ])("%s", (canonical, spellings) => {
    for (const s of spellings) expect([s, residenceStatusOf(s)]).toEqual([s, canonical]);
  });
  test("other text maps to none", () => {
    expect(residenceStatusOf("unklar")).toBeUndefined();
    expect(residenceStatusOf("")).toBeUndefined();
  });
  test("target group is Asylbewerbend and Geduldet", () => {
    expect(isTargetGroup("Asylbewerbend")).toBe(true);
    expect(isTargetGroup("Geduldet")).toBe(true);
    expect(isTargetGroup("Anerkannt")).toBe(false);
    expect(isTargetGroup("Sonstige")).toBe(false);
  });
});

describe("referral category table (spec 2)", () => {
  test.each([
    ["Arbeit", "placement", ["arbeit", "arbeitsstelle", "job", "beschaeftigung", "Beschäftigung", "anstellung", "minijob"]],
    ["Ausbildung", "placement", ["ausbildung", "ausbildungsplatz", "lehre", "berufsausbildung"]],
    ["Deutschkurs", "thirdPartyMeasure", ["deutschkurs", "sprachkurs", "integrationskurs", "deutsch"]],
    ["Freizeitangebot", "thirdPartyMeasure", ["freizeit", "freizeitangebot", "sport", "sportverein"]],
    ["Beratungsangebot", "thirdPartyMeasure", ["beratung", "beratungsangebot", "fachberatung", "migrationsberatung", "schuldnerberatung"]],
    ["Sonstige Maßnahme", "thirdPartyMeasure", ["sonstige", "sonstiges", "sonstigemassnahme", "Sonstige Maßnahme", "praktikum"]],
  ])("%s (%s)", (canonical, group, spellings) => {
    for (const s of spellings) expect([s, referralCategoryOf(s)]).toEqual([s, canonical]);
    expect(categoryGroup(canonical as never)).toBe(group);
  });
  test("four third-party measure categories", () => {
    expect(REFERRAL_CATEGORIES.filter(isThirdPartyMeasure)).toEqual(["Deutschkurs", "Freizeitangebot", "Beratungsangebot", "Sonstige Maßnahme"]);
  });
});

describe("sheet and column names (spec 1)", () => {
  test.each([
    ["Beratungen", "counselling"], ["Beratungsprotokoll", "counselling"], ["Kontakte", "counselling"],
    ["Maßnahmen", "referrals"], ["Weitervermittlungen", "referrals"],
    ["Infoveranstaltungen", "events"], ["Events", "events"],
    ["KlientInnen", "clients"], ["Klient_innen", "clients"], ["Stammdaten", "clients"], ["Personen", "clients"],
  ])("sheet %s is %s", (name, kind) => {
    expect(sheetKindByName(name)).toBe(kind);
  });
  test.each([
    ["Klient:innen-ID", "clientId"], ["Kl.-Nr.", "clientId"], ["Fall-Nr.", "clientId"], ["ID", "clientId"],
    ["Vermittelt am", "date"], ["Termin", "date"], ["Status", "status"], ["Rechtsstatus", "status"],
    ["Vermittlung in", "category"], ["Träger", "provider"], ["Ergebnis", "outcome"], ["Stand", "outcome"],
    ["Teilnehmer*innen", "attendees"], ["Anzahl TN", "attendees"], ["Besucher", "attendees"],
    ["Kürzel", "counsellor"], ["Jahrgang", "birthYear"], ["Staatsangehörigkeit", "country"],
    ["Bemerkungen", "notes"], ["Familienname", "personalName"], ["Vorname", "personalName"],
  ])("header %s is %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });
  test("a header exactly Status is residence status, never outcome", () => {
    expect(fieldOfHeader("Status")).toBe("status");
  });
  test("the product's own sheets are never read as data", () => {
    expect(isOutputSheetName("Fälle")).toBe(true);
    expect(isOutputSheetName("Prüfbericht")).toBe(true);
    expect(isOutputSheetName("Jahresrückblick 2019")).toBe(true);
    expect(isOutputSheetName("Beratungen")).toBe(false);
  });
});
