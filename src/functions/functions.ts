import { aboutText } from "../core/report/about";

/**
 * The review's wording rule: a total of 100 or more that is not a multiple of 50 reads "über N".
 * @customfunction ABOUT
 * @param total A total, e.g. the attendees of the year.
 * @returns The total as the review writes it, e.g. 763 gives "über 750".
 */
export function about(total: number): string {
  return aboutText(total);
}
