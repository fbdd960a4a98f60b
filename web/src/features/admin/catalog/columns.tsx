// Each kind's own columns in its table, after the entry's name and code.
import type { ReactNode } from 'react';
import type { Catalog, CatalogKind, ObservanceEntry, ObservanceThemeEntry } from '../../../api/catalog';
import type { Language, Translate } from '../../../i18n/context';
import type { MessageKey } from '../../../i18n/vi';
import { entryName } from '../../../lib/names';
import type { EntryOf } from './kinds';

export type Column<Entry> = { label: MessageKey; cell: (entry: Entry) => ReactNode };

/** `30/7`, or `1/7 – 30/9` for an observance that lasts. */
function observanceDays(entry: ObservanceEntry): string {
  const start = `${entry.day}/${entry.month}`;
  const end = `${entry.endDay}/${entry.endMonth}`;
  return start === end ? start : `${start} – ${end}`;
}

function latestTheme(entry: ObservanceEntry): ObservanceThemeEntry | undefined {
  return [...entry.themes].sort((a, b) => b.year - a.year)[0];
}

/** The latest year's theme, in the reader's language when it has one. */
function LatestTheme({ entry, language }: { entry: ObservanceEntry; language: Language }) {
  const theme = latestTheme(entry);
  if (!theme) return null;
  return (
    <>
      <span className="table__sub table__sub--lead">{theme.year}</span>
      {language === 'en' && theme.themeEn ? theme.themeEn : theme.theme}
    </>
  );
}

/** The names of the entries of a list by their codes; a code it does not know is shown as it is. */
function namesByCode(
  list: ReadonlyArray<{ code: string; name: string; nameEn: string }>,
  language: Language,
) {
  const names = new Map(list.map((entry) => [entry.code, entryName(entry, language)]));
  return (code: string | null) => (code === null ? '' : (names.get(code) ?? code));
}

/** Each kind's own columns, their cells in the reader's language. */
export function columnsOf(
  catalog: Catalog,
  t: Translate,
  language: Language,
): { [K in CatalogKind]: Array<Column<EntryOf[K]>> } {
  const channel = namesByCode(catalog.channels, language);
  const indicator = namesByCode(catalog.indicators, language);
  return {
    'activity-types': [
      { label: 'catalog.channels', cell: (entry) => entry.channelCodes.map(channel).join(', ') },
      { label: 'catalog.indicators', cell: (entry) => entry.indicatorCodes.map(indicator).join(', ') },
    ],
    channels: [{ label: 'catalog.channelKind', cell: (entry) => entry.kind }],
    'target-groups': [],
    indicators: [
      { label: 'catalog.unit', cell: (entry) => entry.unit },
      { label: 'catalog.aggregation', cell: (entry) => t(`aggregation.${entry.aggregation}`) },
      { label: 'catalog.parent', cell: (entry) => indicator(entry.parentCode) },
    ],
    observances: [
      { label: 'catalog.days', cell: observanceDays },
      { label: 'catalog.latestTheme', cell: (entry) => <LatestTheme entry={entry} language={language} /> },
    ],
  };
}
