import { Cell } from "../cells";
import { Memo } from "../memo";
import { ReferralCategory } from "../vocabulary/referralCategory";
import { ResidenceStatus } from "../vocabulary/residenceStatus";
import { ClientIds } from "./clientIds";
import { Checked, checkCategory, checkStatus } from "./fieldRules";

/**
 * How one validation reads the cells that repeat: client IDs, statuses and categories, each distinct text read
 * once (a workbook of 150,000 rows holds a few thousand distinct values). Made per validation, dropped with it.
 */
export class CellReadings {
  readonly ids = new ClientIds();
  private readonly statuses = new Memo<string, Checked<ResidenceStatus | undefined>>(checkStatus);
  private readonly categories = new Memo<string, Checked<ReferralCategory>>(checkCategory);

  status(value: Cell): Checked<ResidenceStatus | undefined> {
    return typeof value === "string" ? this.statuses.get(value) : checkStatus(value);
  }

  category(value: Cell): Checked<ReferralCategory> {
    return typeof value === "string" ? this.categories.get(value) : checkCategory(value);
  }
}
