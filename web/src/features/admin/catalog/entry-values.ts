// What the catalogue's forms hold beyond lib/form-values.
import { z } from 'zod';

/** A number typed in a number field that may be left empty (no number). */
export const typedNumber = z.string().transform((text) => (text.trim() === '' ? undefined : Number(text)));

/** A number as a number field holds it: its text, empty for none. */
export function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}
