import { ReviewFingerprint, ReviewStamp } from "../../core/live/reviewFingerprint";

/*
 * Where the workbook keeps what its review was made from: the small stamp in the document settings, the records'
 * hashes (4 bytes a record: 600 KB for 150,000 rows) in a custom XML part of their own (ExcelApi 1.5), since the
 * settings are meant for small values. Neither holds a cell's text.
 */

const KEY = "fallbilanzReview";
export const REVIEW_NAMESPACE = "urn:fallbilanz:review:1";

export interface StoredReview {
  readonly stamp: ReviewStamp;
  /** Undefined when the part is missing (removed by another tool): the stamp alone still says whether anything changed. */
  readonly hashes: string | undefined;
}

export interface ReviewStore {
  load(): Promise<StoredReview | undefined>;
  save(fingerprint: ReviewFingerprint): Promise<void>;
}

function isStamp(value: unknown): value is ReviewStamp {
  const v = value as Partial<ReviewStamp> | null;
  return !!v && v.version === 1 && typeof v.writtenAt === "string" && typeof v.digest === "string" && typeof v.year === "number" && typeof v.notCounted === "object";
}

export function documentReviewStore(settings: Office.Settings = Office.context.document.settings, run: typeof Excel.run = Excel.run.bind(Excel)): ReviewStore {
  return {
    async load() {
      const stamp: unknown = settings.get(KEY);
      if (!isStamp(stamp)) return undefined;
      const hashes = await run(async (context): Promise<string | undefined> => {
        const part = context.workbook.customXmlParts.getByNamespace(REVIEW_NAMESPACE).getOnlyItemOrNullObject();
        await context.sync();
        if (part.isNullObject) return undefined;
        const xml = part.getXml();
        await context.sync();
        return /<hashes>([^<]*)<\/hashes>/.exec(xml.value)?.[1];
      }).catch(() => undefined);
      return { stamp, hashes };
    },
    async save(fingerprint) {
      // Without custom XML parts (an Excel without ExcelApi 1.5) the stamp alone is kept: it still tells that the
      // sheets changed, only not how many rows.
      await run(async (context) => {
        const old = context.workbook.customXmlParts.getByNamespace(REVIEW_NAMESPACE).getOnlyItemOrNullObject();
        await context.sync();
        if (!old.isNullObject) old.delete();
        context.workbook.customXmlParts.add(`<review xmlns="${REVIEW_NAMESPACE}" digest="${fingerprint.stamp.digest}"><hashes>${fingerprint.hashes}</hashes></review>`);
        await context.sync();
      }).catch((error: unknown) => console.warn("Fallbilanz: Prüfsummen nicht gespeichert", error));
      await new Promise<void>((resolve, reject) => {
        settings.set(KEY, fingerprint.stamp);
        settings.saveAsync((result) =>
          result.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(new Error(result.error?.message ?? "Einstellungen nicht gespeichert")),
        );
      });
    },
  };
}
