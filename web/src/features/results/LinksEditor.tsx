// Web addresses a result points to (the published article, the video, the post): a row each,
// added and removed one at a time; empty rows are not sent.

import { TextField } from '../../components/form';
import { useT } from '../../i18n/context';
import type { PathMessages } from './errors';

export function LinksEditor({
  links,
  onChange,
  errors = {},
  label,
  hint,
}: {
  links: readonly string[];
  onChange: (links: string[]) => void;
  /** By path, `links.<index>` and `links`, as the server names them. */
  errors?: PathMessages;
  label: string;
  hint?: string;
}) {
  const t = useT();
  const set = (index: number, value: string) =>
    onChange(links.map((link, at) => (at === index ? value : link)));
  return (
    <fieldset className={errors.links ? 'fieldset result-links field--invalid' : 'fieldset result-links'}>
      <legend className="field__label">{label}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      {links.map((link, index) => (
        // The rows have no identity beyond their place: removing one renumbers the others.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={index} className="result-links__row">
          <TextField
            label={t('results.linkNumber', { number: index + 1 })}
            type="url"
            inputMode="url"
            autoComplete="off"
            placeholder="https://"
            value={link}
            onChange={(value) => set(index, value)}
            error={errors[`links.${index}`]}
          />
          <button
            type="button"
            className="button button--secondary result-links__remove"
            aria-label={t('results.removeLink', { number: index + 1 })}
            onClick={() => onChange(links.filter((_, at) => at !== index))}
          >
            {t('results.remove')}
          </button>
        </div>
      ))}
      {errors.links ? <p className="field__error">{errors.links}</p> : null}
      <div>
        <button type="button" className="button button--secondary" onClick={() => onChange([...links, ''])}>
          {t('results.addLink')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * The links worth sending (trimmed, without the empty rows), and for each the form row it came
 * from: the server's `links.1` is the second link sent, which may be the third row.
 */
export function linksToSend(links: readonly string[]): { links: string[]; rows: number[] } {
  const sent: string[] = [];
  const rows: number[] = [];
  links.forEach((link, row) => {
    const value = link.trim();
    if (value === '') return;
    sent.push(value);
    rows.push(row);
  });
  return { links: sent, rows };
}

/** The server's messages with `links.<sent index>` renamed `links.<form row>`. */
export function linkMessagesByRow(messages: PathMessages, rows: readonly number[]): PathMessages {
  const renamed: PathMessages = {};
  for (const [path, message] of Object.entries(messages)) {
    const match = /^links\.(\d+)/.exec(path);
    const row = match ? rows[Number(match[1])] : undefined;
    renamed[row === undefined ? path : `links.${row}`] = message;
  }
  return renamed;
}
