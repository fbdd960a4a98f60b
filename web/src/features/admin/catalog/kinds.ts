// The kinds of catalogue entry, as the API names them, and what the page knows of each: its
// list in the catalogue, its tab's label and the entry it lists.
import type { Catalog, CatalogKind } from '../../../api/catalog';
import type { MessageKey } from '../../../i18n/vi';

/** The catalogue's lists by the kind named in the API path. */
const listKeys = {
  'activity-types': 'activityTypes',
  channels: 'channels',
  'target-groups': 'targetGroups',
  indicators: 'indicators',
  observances: 'observances',
} as const satisfies Record<CatalogKind, keyof Catalog>;

/** The kinds in the order of their tabs. */
export const kinds: readonly CatalogKind[] = [
  'activity-types',
  'channels',
  'target-groups',
  'indicators',
  'observances',
];

/** One entry of a kind, as the catalogue lists it. */
export type EntryOf = { [K in CatalogKind]: Catalog[(typeof listKeys)[K]][number] };

/** The entry being edited, with its kind (a new one: `entry` null). */
export type Editing = { [K in CatalogKind]: { kind: K; entry: EntryOf[K] | null } }[CatalogKind];

export const tabLabels: Record<CatalogKind, MessageKey> = {
  'activity-types': 'catalog.activityTypes',
  channels: 'catalog.channels',
  'target-groups': 'catalog.targetGroups',
  indicators: 'catalog.indicators',
  observances: 'catalog.observances',
};

/** How many entries a kind has. */
export function countOf(catalog: Catalog, kind: CatalogKind): number {
  return catalog[listKeys[kind]].length;
}
