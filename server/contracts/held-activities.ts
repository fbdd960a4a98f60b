import { z } from 'zod';
import { Activity, ActivityInput } from './activities';
import { Result, ResultInput } from './results';

/**
 * An event held without having been planned (or a media item already published), logged
 * in one step: the activity, created as done, and its result.
 */
export const HeldActivityInput = z.strictObject({ activity: ActivityInput, result: ResultInput });
export type HeldActivityInput = z.infer<typeof HeldActivityInput>;

export const HeldActivity = z.object({ activity: Activity, result: Result });
export type HeldActivity = z.infer<typeof HeldActivity>;
