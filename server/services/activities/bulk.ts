// Creating several activities at once (copies of one to other dates or places): each row is
// created exactly as a single one is, with its rules and its audit row, and either every row
// is stored or none is.
import type { Activity, ActivityBulkInput } from '../../contracts/activities';
import type { ErrorDetail } from '../../contracts/common';
import { fieldOfActivityRefusal } from '../../domain/activities';
import { AppError, invalidFields } from '../../errors';
import type { ServiceContext } from '../context';
import { createActivity } from './writes';

/**
 * A refusal of one row of several as the details of the answer, each path under the row's
 * (`items.N` here, `activities.N` for a kit's application).
 */
export function rowDetails(error: AppError, row: string): ErrorDetail[] {
  if (error.details && error.details.length > 0) {
    return error.details.map((detail) => ({ ...detail, path: `${row}.${detail.path}` }));
  }
  // A refusal of the whole activity (scope, locked period) names the field it is about.
  const field = fieldOfActivityRefusal(error.refusal.key, error.code);
  return [{ path: field ? `${row}.${field}` : row, ...error.refusal }];
}

/**
 * Every row is tried, so that the answer names all the rows to correct at once; the first
 * refusal then undoes the rows already written. Each create runs in a savepoint of the
 * outer transaction (better-sqlite3 nests them), so a refused row leaves nothing behind.
 */
export function createActivities(ctx: ServiceContext, input: ActivityBulkInput): Activity[] {
  return ctx.db.transaction(() => {
    const created: Activity[] = [];
    const details: ErrorDetail[] = [];
    input.items.forEach((item, index) => {
      try {
        created.push(createActivity(ctx, item));
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'VERSION_CONFLICT') throw error;
        details.push(...rowDetails(error, `items.${index}`));
      }
    });
    if (details.length > 0) throw invalidFields(details);
    return created;
  });
}
