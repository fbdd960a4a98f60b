// A typed value beside those of lib/form-values, for the Admin forms and the media page's
// dates; it belongs in lib/form-values once that file is free to change again.
import { z } from 'zod';
import { typedDay } from '../../lib/form-values';

/**
 * A date the form cannot do without (a lock's period, a link's last day), as typed: an empty
 * field is refused with the page's own `message`, a date that cannot be read as typedDay says.
 */
export function neededDay(message: string) {
  return typedDay.transform((day, context): string => {
    if (day !== null) return day;
    context.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}
