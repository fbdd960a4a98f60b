// Names in a sheet matched to the reference data the way a person would: accents and case
// aside, by full name, short name or code, and for agencies and units among those in being
// on the row's date (a 2024 row naming a former district finds it). A near miss is offered
// as suggestions, never taken on a guess.
import { foldText } from '../../domain/imports';
import { validOn } from '../../domain/validity';

export type Named<K> = {
  key: K;
  name: string;
  /** Other ways people write it: short name, code, the name without "Phường", "Xã"... */
  also: string[];
  validFrom?: string | null;
  validTo?: string | null;
};

export type Match<K> = { found: K } | { missing: true; suggestions: string[] } | { ambiguous: string[] };

/** Words that say what kind of body or place a name is, which people often leave out. */
const kindWords =
  /^(uy ban nhan dan|ubnd|phuong|xa|thi tran|thi xa|huyen|quan|thanh pho|tinh|so|phong|hoi|cong an)\s+/;

const tokens = (text: string) => new Set(text.split(' ').filter((word) => word.length > 0));

/** How alike two folded names are: the words they share among all their words (0 to 1). */
function likeness(a: string, b: string): number {
  const left = tokens(a);
  const right = tokens(b);
  const shared = [...left].filter((word) => right.has(word)).length;
  return shared / new Set([...left, ...right]).size;
}

export class NameIndex<K> {
  private readonly byName = new Map<string, Named<K>[]>();
  private readonly all: Named<K>[];

  constructor(records: Named<K>[]) {
    this.all = records;
    for (const record of records) {
      const forms = new Set(
        [record.name, ...record.also].map(foldText).flatMap((form) => [form, form.replace(kindWords, '')]),
      );
      for (const form of forms) {
        if (form === '') continue;
        this.byName.set(form, [...(this.byName.get(form) ?? []), record]);
      }
    }
  }

  /** The record a cell names, in being on `date` when the records have validity. */
  match(text: string, date: string | null): Match<K> {
    const folded = foldText(text);
    const inForce = (record: Named<K>) =>
      date === null ||
      validOn({ validFrom: record.validFrom ?? null, validTo: record.validTo ?? null }, date);
    const exact = (this.byName.get(folded) ?? this.byName.get(folded.replace(kindWords, '')) ?? []).filter(
      inForce,
    );
    const distinct = [...new Map(exact.map((record) => [record.key, record])).values()];
    if (distinct.length === 1 && distinct[0]) return { found: distinct[0].key };
    if (distinct.length > 1) return { ambiguous: distinct.map((record) => record.name) };
    return { missing: true, suggestions: this.near(folded, inForce) };
  }

  /** The three names nearest a miss, among those in being. */
  private near(folded: string, inForce: (record: Named<K>) => boolean): string[] {
    return this.all
      .filter(inForce)
      .map((record) => ({
        name: record.name,
        score: Math.max(...[record.name, ...record.also].map((form) => likeness(folded, foldText(form)))),
      }))
      .filter((entry) => entry.score >= 0.34)
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'vi'))
      .slice(0, 3)
      .map((entry) => entry.name);
  }
}
