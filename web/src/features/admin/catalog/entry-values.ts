// What the catalogue's forms hold beyond lib/form-values, and how a form's entry is saved.
import { z } from 'zod';
import {
  type Catalog,
  type CatalogBody,
  type CatalogEntry,
  type CatalogKind,
  createCatalogEntry,
  updateCatalogEntry,
} from '../../../api/catalog';
import { typedText } from '../../../lib/form-values';

/** The code and the two names every kind of entry has, as typed. */
export const namedEntryValues = { code: typedText, name: typedText, nameEn: typedText };

/** The code and the two names of the entry a form opens on, as its fields start (empty for a new one). */
export function namedEntryDefaults(entry: { code: string; name: string; nameEn: string } | null) {
  return { code: entry?.code ?? '', name: entry?.name ?? '', nameEn: entry?.nameEn ?? '' };
}

/** What every kind's form is given: the entry it edits (null for a new one), and what to do after. */
export type EntryFormProps<Entry> = {
  entry: Entry | null;
  catalog: Catalog;
  onClose: () => void;
  onSaved: (saved: CatalogEntry) => void;
};

/** An entry chosen in a select, whose options hold codes; `''` is "none". */
export const chosenCode = z.string().transform((text) => (text === '' ? null : text));

/** A number typed in a number field that may be left empty (no number). */
export const typedNumber = z.string().transform((text) => (text.trim() === '' ? undefined : Number(text)));

/** A number as a number field holds it: its text, empty for none. */
export function numberText(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/**
 * Saves a form's entry: a new one whole; an edit without its code, which never changes (the
 * address names the entry, and activities and reports refer to it by its code).
 */
export function saveEntry(
  kind: CatalogKind,
  entry: { code: string } | null,
  { code, ...fields }: { code: string } & CatalogBody,
): Promise<CatalogEntry> {
  return entry === null
    ? createCatalogEntry(kind, { code, ...fields })
    : updateCatalogEntry(kind, entry.code, fields);
}
