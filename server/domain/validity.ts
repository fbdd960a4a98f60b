// Agencies, units and catalogue entries change over time (the 1/1/2025 and 1/7/2025
// reorganisations): each carries the days it is in force, `validFrom` and `validTo` both
// inclusive, null meaning open-ended.

export type Validity = { validFrom: string | null; validTo: string | null };

/** In force on the date. */
export function validOn(record: Validity, date: string): boolean {
  return (
    (record.validFrom === null || record.validFrom <= date) &&
    (record.validTo === null || record.validTo >= date)
  );
}

/** A validity runs forwards: it may end on the day it starts, never before. */
export function validityInOrder(record: Partial<Validity>): boolean {
  return !record.validFrom || !record.validTo || record.validTo >= record.validFrom;
}
