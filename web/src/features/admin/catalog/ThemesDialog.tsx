import { useState } from 'react';
import type { ObservanceEntry, ObservanceThemeEntry } from '../../../api/catalog';
import { useTimeZone } from '../../../app/timeZone';
import { Dialog } from '../../../components/Dialog';
import { dayText } from '../../../components/form';
import { EditButton } from '../../../components/RecordList';
import { TableRegion } from '../../../components/Table';
import { type Translate, useT } from '../../../i18n/context';
import { parseDay, todayIn } from '../../../i18n/dates';
import { ThemeForm } from './ThemeForm';

/** An observance's theme for each year, and a form to set one (a new year, or a correction). */
export function ThemesDialog({
  observance,
  onClose,
  onSaved,
}: {
  observance: ObservanceEntry;
  onClose: () => void;
  onSaved: (year: number) => void;
}) {
  const t = useT();
  const themes = [...observance.themes].sort((a, b) => b.year - a.year);
  const [editing, setEditing] = useState<ObservanceThemeEntry | null>(null);
  // Each save starts the form again, empty (its key changes); so does the catalogue's answer
  // once a new year is in it, so that the form then offers the year after that one.
  const [saves, setSaves] = useState(0);
  const timeZone = useTimeZone();
  const thisYear = parseDay(todayIn(timeZone)).year;
  const nextYear = themes[0] ? themes[0].year + 1 : thisYear;

  return (
    <Dialog title={t('catalog.themesTitle', { name: observance.name })} onClose={onClose} wide>
      <TableRegion label={t('catalog.themes')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('catalog.year')}</th>
              <th scope="col">{t('catalog.theme')}</th>
              <th scope="col">{t('catalog.peak')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {themes.map((entry) => (
              <tr key={entry.year}>
                <th scope="row">{entry.year}</th>
                <td>
                  {entry.theme}
                  {entry.themeEn ? (
                    <span className="table__sub" lang="en">
                      {entry.themeEn}
                    </span>
                  ) : null}
                </td>
                <td>{peakText(entry, t)}</td>
                <td>
                  <EditButton
                    label={t('catalog.editTheme', { year: entry.year })}
                    onClick={() => setEditing(entry)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {themes.length === 0 ? <p className="table__empty">{t('catalog.noThemes')}</p> : null}
      </TableRegion>

      <ThemeForm
        key={editing ? `year-${editing.year}` : `new-${themes.length}-${saves}`}
        code={observance.code}
        theme={editing}
        nextYear={nextYear}
        onCancel={() => setEditing(null)}
        onSaved={(year) => {
          onSaved(year);
          setEditing(null);
          setSaves((count) => count + 1);
        }}
      />
    </Dialog>
  );
}

/** `1/7/2025 – 30/9/2025`, or the one end that is known; nothing when there is no peak. */
function peakText({ peakStartDate: start, peakEndDate: end }: ObservanceThemeEntry, t: Translate): string {
  if (start && end) return `${dayText(start)} – ${dayText(end)}`;
  if (start) return t('validity.from', { date: dayText(start) });
  return end ? t('validity.to', { date: dayText(end) }) : '';
}
