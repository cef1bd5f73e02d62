/**
 * office-addin-mock needs only this enum from office-addin-manifest, whose
 * dependency chain loads an ES module Jest cannot require. Same values.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
