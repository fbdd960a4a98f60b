// "Copy to several dates or places": one activity copied to the days picked on a small month
// calendar and/or to several units and venues, reviewed in a grid where each row can be
// corrected or removed (or pasted from a spreadsheet), and created in one request: all or
// none, with the server's refusal of each row shown beside it.
import './bulk.css';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { type Activity, createActivities } from '../../api/activities';
import { ApiError } from '../../api/client';
import { listUnits, type Unit } from '../../api/units';
import { Dialog } from '../../components/Dialog';
import { describeError, ErrorAlert } from '../../components/ErrorAlert';
import { FormErrors } from '../../components/form';
import { Loading } from '../../components/Loading';
import { useLanguage, useT } from '../../i18n/context';
import { parseDayInput } from '../../i18n/dates';
import { byName, validOn } from '../../lib/names';
import { refusalWords } from '../../lib/refusals';
import { useLoad } from '../../lib/useLoad';
import { type BulkRow, inputOf, pastedRows, rowOfPath, rowsOf, venuePlaces } from './bulkRows';
import { MonthPicker } from './MonthPicker';

type Props = { activity: Activity; onClose: () => void; onCreated: (created: Activity[]) => void };

export function BulkCopyDialog({ activity, onClose, onCreated }: Props) {
  const t = useT();
  const units = useLoad(['units'], (signal: AbortSignal) => listUnits({ signal }));
  return (
    <Dialog title={t('bulk.title', { title: activity.title })} onClose={onClose} wide>
      {units.error ? (
        <ErrorAlert title={t('activityForm.loadFailed')} error={units.error} onRetry={units.reload} />
      ) : null}
      {units.data ? (
        <BulkCopy activity={activity} units={units.data} onClose={onClose} onCreated={onCreated} />
      ) : units.error ? null : (
        <Loading />
      )}
    </Dialog>
  );
}

/** Each row's messages by its key: what the page found, then what the server refused. */
type RowErrors = Map<number, string[]>;

function BulkCopy({ activity, units, onClose, onCreated }: Props & { units: Unit[] }) {
  const t = useT();
  const [language] = useLanguage();
  const firstDay = activity.start.slice(0, 10);
  const [dates, setDates] = useState<string[]>([]);
  const [chosenUnits, setChosenUnits] = useState<number[]>([]);
  const [filter, setFilter] = useState('');
  const [venues, setVenues] = useState('');
  const [pasted, setPasted] = useState('');
  const [rows, setRows] = useState<BulkRow[]>([]);
  const [errors, setErrors] = useState<RowErrors>(new Map());
  const [general, setGeneral] = useState<string[]>([]);

  // Units valid on the activity's day, the province's smaller ones first found by a filter.
  const offered = useMemo(
    () => units.filter((unit) => validOn(unit, firstDay)).sort(byName),
    [units, firstDay],
  );
  const shown = useMemo(() => {
    const wanted = filter.normalize('NFC').trim().toLocaleLowerCase('vi');
    return wanted ? offered.filter((unit) => unit.name.toLocaleLowerCase('vi').includes(wanted)) : offered;
  }, [offered, filter]);

  const addPicked = () => {
    const places = [
      ...chosenUnits.map((unitId) => ({ unitId, venue: activity.venue })),
      ...venuePlaces(activity, venues),
    ];
    setRows((current) => [...current, ...rowsOf(activity, dates, places)]);
    setDates([]);
    setChosenUnits([]);
    setVenues('');
  };

  const addPasted = () => {
    const read = pastedRows(activity, units, pasted);
    setRows((current) => [...current, ...read.map((entry) => entry.row)]);
    setErrors((current) => {
      const next = new Map(current);
      for (const entry of read) {
        if (entry.unknownUnit) next.set(entry.row.key, [t('bulk.unknownUnit', { name: entry.unknownUnit })]);
      }
      return next;
    });
    setPasted('');
  };

  const change = (key: number, cells: Partial<BulkRow>) =>
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...cells } : row)));

  const create = useMutation({
    mutationFn: createActivities,
    onSuccess: onCreated,
    onError: (error) => {
      if (!(error instanceof ApiError) || error.details.length === 0) {
        setGeneral([describeError(error, t)]);
        return;
      }
      const byRow: RowErrors = new Map();
      const other: string[] = [];
      for (const detail of error.details) {
        const at = rowOfPath(detail.path);
        const row = at ? rows[at.index] : undefined;
        const words = refusalWords(detail, language);
        if (row) byRow.set(row.key, [...(byRow.get(row.key) ?? []), words]);
        else other.push(words);
      }
      setErrors(byRow);
      setGeneral([t('bulk.rowsRefused'), ...other]);
    },
  });

  const submit = () => {
    const unread = new Map<number, string[]>();
    const items = rows.map((row) => {
      const input = inputOf(activity, row);
      if (input === null) unread.set(row.key, [t('bulk.badDate')]);
      return input;
    });
    setGeneral([]);
    setErrors(unread);
    if (unread.size > 0) return;
    create.mutate(items.filter((item) => item !== null));
  };

  return (
    <div className="bulk">
      <p className="form__intro">{t('bulk.intro')}</p>
      <div className="bulk__picks">
        <fieldset className="bulk__pick">
          <legend>{t('bulk.dates')}</legend>
          <MonthPicker first={firstDay} chosen={dates} onChange={setDates} />
          <p className="field__hint">{t('bulk.datesHint')}</p>
        </fieldset>
        <fieldset className="bulk__pick">
          <legend>{t('bulk.units')}</legend>
          <input
            className="input"
            type="search"
            aria-label={t('bulk.unitFilter')}
            placeholder={t('bulk.unitFilter')}
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
          <ul className="bulk__units">
            {shown.map((unit) => (
              <li key={unit.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosenUnits.includes(unit.id)}
                    onChange={(event) =>
                      setChosenUnits((current) =>
                        event.target.checked ? [...current, unit.id] : current.filter((id) => id !== unit.id),
                      )
                    }
                  />{' '}
                  {unit.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="bulk__pick">
          <legend>{t('bulk.venues')}</legend>
          <textarea
            className="input input--area"
            aria-label={t('bulk.venues')}
            value={venues}
            onChange={(event) => setVenues(event.target.value)}
            rows={5}
          />
          <p className="field__hint">{t('bulk.venuesHint')}</p>
        </fieldset>
      </div>
      <div className="form-actions">
        <button type="button" className="button button--secondary" onClick={addPicked}>
          {t('bulk.addRows')}
        </button>
      </div>
      <details className="bulk__paste">
        <summary>{t('bulk.paste')}</summary>
        <textarea
          className="input input--area"
          aria-label={t('bulk.paste')}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          rows={4}
        />
        <p className="field__hint">{t('bulk.pasteHint')}</p>
        <button
          type="button"
          className="button button--secondary"
          onClick={addPasted}
          disabled={!pasted.trim()}
        >
          {t('bulk.addPasted')}
        </button>
      </details>
      <BulkGrid
        rows={rows}
        errors={errors}
        units={units}
        onChange={change}
        onRemove={(key) => setRows((current) => current.filter((row) => row.key !== key))}
      />
      <FormErrors messages={general} />
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={rows.length === 0 || create.isPending}
          onClick={submit}
        >
          {create.isPending ? t('common.saving') : t('bulk.submit', { count: rows.length })}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('bulk.cancel')}
        </button>
      </div>
    </div>
  );
}

function BulkGrid({
  rows,
  errors,
  units,
  onChange,
  onRemove,
}: {
  rows: BulkRow[];
  errors: RowErrors;
  units: Unit[];
  onChange: (key: number, cells: Partial<BulkRow>) => void;
  onRemove: (key: number) => void;
}) {
  const t = useT();
  // A row's unit list: those valid on its day, and the one it holds whatever its validity.
  const sorted = useMemo(() => [...units].sort(byName), [units]);
  if (rows.length === 0) return <p className="muted">{t('bulk.empty')}</p>;
  return (
    <table className="bulk__grid">
      <caption>{t('bulk.grid')}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">{t('bulk.rowTitle')}</th>
          <th scope="col">{t('bulk.rowDate')}</th>
          <th scope="col">{t('bulk.rowUnit')}</th>
          <th scope="col">{t('bulk.rowVenue')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('bulk.remove', { n: '' })}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => {
          const n = index + 1;
          const messages = errors.get(row.key) ?? [];
          const name = (what: string) => `${t('bulk.row', { n })}: ${what}`;
          return (
            <tr key={row.key} className={messages.length > 0 ? 'bulk__row bulk__row--refused' : 'bulk__row'}>
              <th scope="row">{n}</th>
              <td data-label={t('bulk.rowTitle')}>
                <input
                  className="input"
                  aria-label={name(t('bulk.rowTitle'))}
                  value={row.title}
                  onChange={(event) => onChange(row.key, { title: event.target.value })}
                />
                {messages.map((message) => (
                  <p key={message} className="field__error">
                    {message}
                  </p>
                ))}
              </td>
              <td data-label={t('bulk.rowDate')}>
                <input
                  className="input bulk__date"
                  aria-label={name(t('bulk.rowDate'))}
                  inputMode="numeric"
                  value={row.date}
                  onChange={(event) => onChange(row.key, { date: event.target.value })}
                />
              </td>
              <td data-label={t('bulk.rowUnit')}>
                <select
                  className="input"
                  aria-label={name(t('bulk.rowUnit'))}
                  value={row.unitId ?? ''}
                  onChange={(event) =>
                    onChange(row.key, { unitId: event.target.value ? Number(event.target.value) : null })
                  }
                >
                  <option value="">{t('bulk.noUnit')}</option>
                  {sorted
                    .filter((unit) => unit.id === row.unitId || validOn(unit, parseDayInput(row.date) ?? ''))
                    .map((unit) => (
                      <option key={unit.id} value={unit.id}>
                        {unit.name}
                      </option>
                    ))}
                </select>
              </td>
              <td data-label={t('bulk.rowVenue')}>
                <input
                  className="input"
                  aria-label={name(t('bulk.rowVenue'))}
                  value={row.venue}
                  onChange={(event) => onChange(row.key, { venue: event.target.value })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--secondary bulk__remove"
                  aria-label={t('bulk.remove', { n })}
                  onClick={() => onRemove(row.key)}
                >
                  ×
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
