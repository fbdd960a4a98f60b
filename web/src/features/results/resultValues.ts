// The result form's check: the draft as typed (figures as text, days as 30/7/2025) read into
// the body the API takes, the form's own faults at their fields, then the contract's own
// ResultInput (links, the end after the start), as the server checks it.
import { z } from 'zod';
import { ResultInput } from '../../../../server/contracts/results';
import type { Translate } from '../../i18n/context';
import { intoContract } from '../../lib/form-values';
import type { ResultDraft } from './draft';
import { readFigures } from './figures';
import { linksToSend } from './LinksEditor';
import { readMoment } from './times';

export function resultSchema(codes: readonly string[], timeZone: string, t: Translate) {
  const read = z.custom<ResultDraft>().transform((draft, context) => {
    const refuse = (path: string, message: string) =>
      context.addIssue({ code: 'custom', path: path.split('.'), message });
    const figures = readFigures(draft.figures, codes);
    if (!figures.ok)
      for (const code of figures.invalid) refuse(`values.${code}`, t('results.figureNotWhole'));
    const start = readMoment(draft.actualStartDay, draft.actualStartTime, timeZone);
    if (!start.ok)
      refuse(start.field === 'day' ? 'actualStartDay' : 'actualStartTime', t(`results.bad.${start.field}`));
    const end = readMoment(draft.actualEndDay, draft.actualEndTime, timeZone, true);
    if (!end.ok)
      refuse(end.field === 'day' ? 'actualEndDay' : 'actualEndTime', t(`results.bad.${end.field}`));
    if (!figures.ok || !start.ok || !end.ok) return z.NEVER;
    return {
      values: figures.values,
      notes: draft.notes.trim(),
      links: linksToSend(draft.links).links,
      actualStart: start.value,
      actualEnd: end.value,
    };
  });
  return intoContract(read, ResultInput);
}
