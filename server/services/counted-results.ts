// Which results the figures count (issue 5): submitted and accepted ones, or accepted only
// when asked (a returned result waits for its author's correction and counts for nothing).
import { eq, inArray, type SQL } from 'drizzle-orm';
import { results } from '../../db/schema';

export function countedResults(acceptedOnly: boolean): SQL {
  return acceptedOnly
    ? eq(results.reviewStatus, 'accepted')
    : inArray(results.reviewStatus, ['submitted', 'accepted']);
}
