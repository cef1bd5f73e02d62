import { Day } from "./dates/calendarDay";
import { ReferralCategory } from "./vocabulary/referralCategory";
import { ResidenceStatus } from "./vocabulary/residenceStatus";

/** Where a record came from: sheet and 1-based row. */
export interface Origin {
  readonly sheet: string;
  readonly row: number;
}

interface Dated {
  readonly day: Day;
  readonly year: number;
  /** 1-12. */
  readonly month: number;
  /** A later row of the same sheet repeating an earlier one: reported, never counted. */
  readonly duplicate: boolean;
}

interface OfClient {
  /** The key under which IDs are one client (normalised). */
  readonly clientKey: string;
  /** The key's number in this analysis (0 to `Analysis.clientCount` - 1): the index of the client in arrays. */
  readonly clientNumber: number;
  /** The ID as shown in outputs. */
  readonly clientId: string;
  /** The status of the row, or from the clients sheet when the row has none. */
  readonly status: ResidenceStatus;
}

export interface CounsellingRecord extends Origin, Dated, OfClient {
  readonly kind: "counselling";
  readonly topic: string;
}

export interface ReferralRecord extends Origin, Dated, OfClient {
  readonly kind: "referrals";
  readonly category: ReferralCategory;
}

export interface EventRecord extends Origin, Dated {
  readonly kind: "events";
  readonly topic: string;
  readonly location: string;
  readonly attendees: number;
}

export interface ClientRecord extends Origin {
  readonly kind: "clients";
  readonly clientKey: string;
  readonly clientNumber: number;
  readonly clientId: string;
  readonly status: ResidenceStatus;
  readonly birthYear: string;
  readonly gender: string;
  readonly country: string;
  readonly location: string;
}

export type ClientActivity = CounsellingRecord | ReferralRecord;
