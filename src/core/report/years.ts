import { Figures, computeFigures } from "../figures/figures";
import { Analysis } from "../analysis";

/** The headline figures of one year, as the multi-year overview and the JSON's `years` carry them (spec 3.2). */
export interface YearFigures {
  readonly months: number;
  readonly infoEvents: { readonly events: number; readonly attendees: number };
  readonly counseling: { readonly contacts: number; readonly persons: number; readonly monthlyAvgPersons: number };
  readonly referrals: { readonly count: number; readonly monthlyAvgPersons: number };
  readonly placements: Figures["placements"];
  readonly cases: Figures["cases"];
}

export function yearFigures(f: Figures): YearFigures {
  return {
    months: f.months,
    infoEvents: { events: f.infoEvents.events, attendees: f.infoEvents.attendees },
    counseling: { contacts: f.counseling.contacts, persons: f.counseling.persons, monthlyAvgPersons: f.counseling.monthlyAvgPersons },
    referrals: { count: f.referrals.count, monthlyAvgPersons: f.referrals.monthlyAvgPersons },
    placements: f.placements,
    cases: f.cases,
  };
}

/** The figures of one year of the workbook. */
export interface FiguresOfYear {
  readonly year: number;
  readonly figures: Figures;
}

/** Every year of the workbook with data, oldest first: computed once per review, shared by its sheets and the JSON. */
export function allYears(analysis: Analysis): FiguresOfYear[] {
  return [...analysis.dataYears].sort((a, b) => a - b).map((year) => ({ year, figures: computeFigures(analysis, year) }));
}
