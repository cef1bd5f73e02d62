import { OfficeMockObject } from "office-addin-mock";
import { documentSettings } from "../../src/taskpane/excel/settings";

describe("choices stored in the workbook (document settings, with office-addin-mock)", () => {
  test("columns and written sheets are saved into the document and read back", async () => {
    const store: Record<string, unknown> = {};
    const mock = new OfficeMockObject({
      context: {
        document: {
          settings: {
            get: function (name: string) {
              return store[name] ?? null;
            },
            set: function (name: string, value: unknown) {
              store[name] = value;
            },
            saveAsync: function (callback: (r: { status: string }) => void) {
              callback({ status: "succeeded" });
            },
          },
        },
      },
    });
    // Office's enums are plain objects, not loadable properties.
    Object.assign(globalThis, { Office: Object.assign(mock, { AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" } }) });
    const settings = documentSettings();
    expect(settings.load()).toEqual({ columns: {}, writtenSheets: [] });
    await settings.save({ columns: { Beratungen: { date: 3 } }, writtenSheets: [{ id: "{1}", wanted: "Fälle" }] });
    expect(documentSettings().load()).toEqual({ columns: { Beratungen: { date: 3 } }, writtenSheets: [{ id: "{1}", wanted: "Fälle" }] });
  });
});
