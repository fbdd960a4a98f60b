import { z } from 'zod';
import { Activity, ActivityInput } from './activities';
import { endpoint } from './endpoints';
import { Result, ResultInput } from './results';

/**
 * An event held without having been planned (or a media item already published), logged
 * in one step: the activity, created as done, and its result.
 */
export const HeldActivityInput = z.strictObject({ activity: ActivityInput, result: ResultInput });
export type HeldActivityInput = z.infer<typeof HeldActivityInput>;

export const HeldActivity = z.object({ activity: Activity, result: Result });
export type HeldActivity = z.infer<typeof HeldActivity>;

export const heldActivityEndpoints = {
  log: endpoint({
    method: 'POST',
    path: '/api/activities/held',
    body: HeldActivityInput,
    response: HeldActivity,
    status: 201,
    summary: 'Log an event held without a plan (or a published media item): activity and result in one step',
    // Filed with the results: the one-step log is how a result comes without a plan.
    tags: ['results'],
  }),
};
