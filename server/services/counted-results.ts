// Which results the figures count (issue 5): submitted and accepted ones, or accepted only
// when asked (a returned result waits for its author's correction and counts for nothing);
// and how one result's figures join a total.
import { eq, inArray, type SQL } from 'drizzle-orm';
import { results } from '../../db/schema';

export function countedResults(acceptedOnly: boolean): SQL {
  return acceptedOnly
    ? eq(results.reviewStatus, 'accepted')
    : inArray(results.reviewStatus, ['submitted', 'accepted']);
}

/**
 * Adds one result's figures to a total, each indicator within its own code (never across
 * units); a `max` indicator (unique reach) keeps the largest single value instead of a sum.
 */
export function combineFigures(
  target: Record<string, number>,
  values: Record<string, number>,
  max: ReadonlySet<string>,
): void {
  for (const [code, value] of Object.entries(values)) {
    const current = target[code];
    target[code] = current === undefined ? value : max.has(code) ? Math.max(current, value) : current + value;
  }
}
