// How reference records read in the interface's language. Agencies and catalogue entries
// carry an English name; units are proper nouns and read the same in both languages.
import type { Agency } from '../api/agencies';
import type { Language } from '../i18n/context';

export function agencyName(agency: Pick<Agency, 'name' | 'nameEn'>, language: Language): string {
  return language === 'en' && agency.nameEn ? agency.nameEn : agency.name;
}

export function entryName(entry: { name: string; nameEn: string }, language: Language): string {
  return language === 'en' && entry.nameEn ? entry.nameEn : entry.name;
}

/** Whether a record is in force on a date: the domain's rule, which the server applies too. */
export { validOn } from '../../../server/domain/validity';

export function byName<T extends { name: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'vi');
}

/** A lookup by id that answers the id itself for a record it does not know (deleted, out of scope). */
export function namesById<T extends { id: number }>(records: readonly T[], name: (record: T) => string) {
  const map = new Map(records.map((record) => [record.id, name(record)]));
  return (id: number | null | undefined): string => (id == null ? '' : (map.get(id) ?? `#${id}`));
}
