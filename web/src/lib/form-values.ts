// What a form's fields hold, as typed, turned into what the API takes. A form's schema is
// built of these and then piped into the contract's own schema, so that the page checks a
// form with the same rules the server will, and only the typing itself (a date as 30/7/2025,
// a choice held as text by a select) is the form's own.
import { z } from 'zod';
import { refusalText } from '../../../server/domain/refusals';
import { parseDayInput } from '../i18n/dates';

/** A date as typed (`30/7/2025`), `YYYY-MM-DD` for the API; an empty field is no date (null). */
export const typedDay = z.string().transform((text, context): string | null => {
  if (text.trim() === '') return null;
  const day = parseDayInput(text);
  if (day) return day;
  context.addIssue({ code: 'custom', message: refusalText('date.unreadable') });
  return z.NEVER;
});

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

/**
 * A number typed in a number field that must be filled. An empty field is "not a number"
 * rather than a refusal of its own, so that the contract refuses it together with the other
 * fields it finds wrong (a refusal here would stop the contract from looking at any field).
 */
export const typedRequiredNumber = z
  .string()
  .transform((text) => (text.trim() === '' ? Number.NaN : Number(text)));

/** A record chosen in a select, whose options hold ids as text; `''` is "none". */
export const chosenId = z.string().transform((text) => (text === '' ? null : Number(text)));

/** Text as typed, less the spaces around it that nobody means to save. */
export const typedText = z.string().transform((text) => text.trim());

/**
 * A form's schema piped into its contract's. What the form gives (`FormOut`) must be what the
 * contract takes; zod types a pipe the other way round (the contract's input, where fields
 * are optional, must fit the form's output, where they are always there), so the fit is
 * checked here by `FormOut extends ContractIn` and the pipe's own typing is set aside.
 */
export function intoContract<FormIn, FormOut extends ContractIn, ContractIn, ContractOut>(
  form: z.ZodType<FormOut, FormIn>,
  contract: z.ZodType<ContractOut, ContractIn>,
): z.ZodType<ContractOut, FormIn> {
  return form.pipe(contract as unknown as z.ZodType<ContractOut, FormOut>);
}
