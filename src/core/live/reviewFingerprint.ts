import { Analysis } from "../analysis";
import { forEachCounted } from "../forEachRecord";
import { ClientRecord, CounsellingRecord, EventRecord, ReferralRecord } from "../records";

/*
 * What a written review was made from, kept in the workbook so that the pane can tell later whether the team's
 * sheets still say the same: one 32-bit hash per counted record (a row of the counselling, referral and event
 * sheets that the figures count, and each client of the clients sheet), and the rejected rows per sheet. A hash
 * of a row's counted cells is no personal data: names and notes never go into it, and it cannot be read back.
 * Where a record sits (its row) is left out: sorting the sheet changes no figure.
 */

/** The part kept in the document settings (small). */
export interface ReviewStamp {
  readonly version: 1;
  /** When the review was written (ISO 8601, UTC). */
  readonly writtenAt: string;
  readonly year: number;
  /** The suppression threshold the review was written with (so that writing it again keeps it). */
  readonly suppressionThreshold?: number;
  /** Counted records the review was made from. */
  readonly records: number;
  /** Rows not counted (rejected, or duplicates) per sheet then. */
  readonly notCounted: Readonly<Record<string, number>>;
  /** One short code for the whole data state (8 hex digits): printed on the review sheet. */
  readonly digest: string;
}

/** The stamp and the records' hashes (kept apart: they are large). */
export interface ReviewFingerprint {
  readonly stamp: ReviewStamp;
  /** The records' hashes, sorted, as base64 of their 4 bytes each (little-endian). */
  readonly hashes: string;
}


/** FNV-1a over a string, continued from `h`, with a separator after it (so that fields cannot run into each other). */
function mixText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193);
}

/** A whole number (a day, attendees) mixed in by its four bytes. */
function mixNumber(h: number, n: number): number {
  for (let shift = 0; shift < 32; shift += 8) h = Math.imul(h ^ ((n >>> shift) & 255), 0x01000193);
  return Math.imul(h ^ 0x1e, 0x01000193);
}

/** The hash of a record's kind and sheet, the start of every record's hash: made once per run of one sheet's records. */
class RecordStarts {
  private kind = "";
  private sheet = "";
  private start = 0;

  of(kind: string, sheet: string): number {
    if (kind !== this.kind || sheet !== this.sheet || this.kind === "") {
      this.kind = kind;
      this.sheet = sheet;
      this.start = mixText(mixText(0x811c9dc5, kind), sheet);
    }
    return this.start;
  }
}

/** A record's hash over what the figures read of it (no row, no name, no note). */
function recordHash(r: CounsellingRecord | ReferralRecord | EventRecord | ClientRecord, starts: RecordStarts): number {
  let h = starts.of(r.kind, r.sheet);
  switch (r.kind) {
    case "counselling":
      h = mixText(mixText(mixText(mixNumber(h, r.day), r.clientKey), r.status), r.topic);
      break;
    case "referrals":
      h = mixText(mixText(mixText(mixNumber(h, r.day), r.clientKey), r.status), r.category);
      break;
    case "events":
      h = mixNumber(mixText(mixText(mixNumber(h, r.day), r.topic), r.location), r.attendees);
      break;
    case "clients":
      h = mixText(mixText(mixText(mixText(h, r.clientKey), r.clientId), r.status), r.birthYear);
      h = mixText(mixText(mixText(h, r.gender), r.country), r.location);
      break;
  }
  return h >>> 0;
}

/** Every counted record's hash, sorted. */
function recordHashes(analysis: Analysis): Uint32Array {
  const hashes = new Uint32Array(analysis.counselling.length + analysis.referrals.length + analysis.events.length + analysis.clients.size);
  const starts = new RecordStarts();
  let n = 0;
  const add = (r: CounsellingRecord | ReferralRecord | EventRecord): void => void (hashes[n++] = recordHash(r, starts));
  for (const records of [analysis.counselling, analysis.referrals, analysis.events]) forEachCounted(records, add);
  for (const r of analysis.clients.values()) hashes[n++] = recordHash(r, starts);
  return hashes.subarray(0, n).sort();
}

const notCountedBySheet = (analysis: Analysis): Record<string, number> => Object.fromEntries(analysis.totals.map((t) => [t.sheet, t.rejected + t.duplicates]));

function digestOf(hashes: Uint32Array, rejected: Readonly<Record<string, number>>): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < hashes.length; i++) h = mixNumber(h, hashes[i]);
  h = mixText(h, JSON.stringify(Object.entries(rejected).sort()));
  h >>>= 0;
  return h.toString(16).toUpperCase().padStart(8, "0");
}

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : "=") + (i + 2 < bytes.length ? B64[n & 63] : "=");
  }
  return out;
}

function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/[^A-Za-z0-9+/]/g, "");
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let j = 0;
  for (let i = 0; i < clean.length; i += 4) {
    const n = (B64.indexOf(clean[i]) << 18) | (B64.indexOf(clean[i + 1]) << 12) | (Math.max(0, B64.indexOf(clean[i + 2] ?? "A")) << 6) | Math.max(0, B64.indexOf(clean[i + 3] ?? "A"));
    if (j < bytes.length) bytes[j++] = (n >> 16) & 255;
    if (j < bytes.length) bytes[j++] = (n >> 8) & 255;
    if (j < bytes.length) bytes[j++] = n & 255;
  }
  return bytes;
}

function hashesToText(hashes: Uint32Array): string {
  const bytes = new Uint8Array(hashes.length * 4);
  hashes.forEach((h, i) => {
    bytes[i * 4] = h & 255;
    bytes[i * 4 + 1] = (h >>> 8) & 255;
    bytes[i * 4 + 2] = (h >>> 16) & 255;
    bytes[i * 4 + 3] = h >>> 24;
  });
  return toBase64(bytes);
}

function hashesFromText(text: string): Uint32Array {
  const bytes = fromBase64(text);
  const hashes = new Uint32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < hashes.length; i++) hashes[i] = (bytes[i * 4] | (bytes[i * 4 + 1] << 8) | (bytes[i * 4 + 2] << 16) | (bytes[i * 4 + 3] << 24)) >>> 0;
  return hashes;
}

/** The fingerprint of the data a review of `year` is written from, at `writtenAt`. */
export function reviewFingerprint(analysis: Analysis, year: number, writtenAt: Date, suppressionThreshold?: number): ReviewFingerprint {
  const hashes = recordHashes(analysis);
  const rejected = notCountedBySheet(analysis);
  return {
    stamp: {
      version: 1, writtenAt: writtenAt.toISOString(), year, ...(suppressionThreshold === undefined ? {} : { suppressionThreshold }),
      records: hashes.length, notCounted: rejected, digest: digestOf(hashes, rejected),
    },
    hashes: hashesToText(hashes),
  };
}

/** The short code of the data state (as the review sheet prints it), without the hashes. */
export const dataDigest = (analysis: Analysis): string => {
  const hashes = recordHashes(analysis);
  return digestOf(hashes, notCountedBySheet(analysis));
};

/** How the sheets stand against the review: unchanged, or how many rows changed (counted, added, removed, fixed, broken). */
export type ReviewStanding = { readonly current: true } | { readonly current: false; readonly changedRows: number };

/**
 * Compares the workbook with what the review was made from. A changed row removes one record's hash and adds
 * another; a new or deleted row adds or removes one; a row fixed or broken (or one that became, or stopped being, a
 * duplicate) moves between the counted records and the rows not counted. So the rows changed are the larger of
 * (hashes added + rows not counted added) and (hashes removed + rows not counted removed). Without the stored hashes, the stamp's digest still says whether anything changed.
 */
export function reviewStanding(stamp: ReviewStamp, storedHashes: string | undefined, analysis: Analysis): ReviewStanding {
  const now = recordHashes(analysis);
  const rejected = notCountedBySheet(analysis);
  if (digestOf(now, rejected) === stamp.digest) return { current: true };
  const sheets = new Set([...Object.keys(rejected), ...Object.keys(stamp.notCounted)]);
  let rejectedUp = 0;
  let rejectedDown = 0;
  for (const s of sheets) {
    const d = (rejected[s] ?? 0) - (stamp.notCounted[s] ?? 0);
    if (d > 0) rejectedUp += d;
    else rejectedDown -= d;
  }
  if (storedHashes === undefined) return { current: false, changedRows: Math.max(1, Math.abs(now.length - stamp.records) + Math.max(rejectedUp, rejectedDown)) };
  const then = hashesFromText(storedHashes);
  // Both sorted: a merge counts the hashes only one side has (a multiset difference).
  let i = 0;
  let j = 0;
  let added = 0;
  let removed = 0;
  while (i < now.length || j < then.length) {
    if (j >= then.length || (i < now.length && now[i] < then[j])) {
      added++;
      i++;
    } else if (i >= now.length || then[j] < now[i]) {
      removed++;
      j++;
    } else {
      i++;
      j++;
    }
  }
  return { current: false, changedRows: Math.max(1, added + rejectedUp, removed + rejectedDown) };
}
