// A campaign as the coordinators (or an agency's editor, for their agency) create and
// correct it: its name and theme, its window, who leads it, the plan tasks it serves and
// its colour on the calendar.
import { useMemo } from 'react';
import { z } from 'zod';
import { CampaignInput } from '../../../../server/contracts/campaigns';
import type { Agency } from '../../api/agencies';
import { type Campaign, createCampaign, updateCampaign } from '../../api/campaigns';
import type { Task } from '../../api/plans';
import { actsProvinceWide } from '../../app/permissions';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import {
  DateField,
  dayText,
  MultiPicker,
  SelectField,
  saveRecord,
  TextAreaField,
  TextField,
} from '../../components/form';
import { EditorDialog } from '../../components/RecordEditor';
import { agencyOptions } from '../../components/records';
import { useRecordForm } from '../../components/useRecordForm';
import { type Translate, useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { chosenId, intoContract, neededDay, typedText } from '../../lib/form-values';
import { taskTitle } from '../../lib/format';
import type { PeakDraft } from './peak';

const campaignFields = ['name', 'theme', 'startDate', 'endDate', 'leadAgencyId', 'taskIds', 'color'] as const;

/** The form's fields as typed: dates as people write them, a colour left empty for the palette's. */
function campaignValues(t: Translate, themeNeeded: boolean) {
  return intoContract(
    z.object({
      name: typedText,
      // An observance's peak campaign carries the year's theme: without one the form asks.
      theme: themeNeeded ? typedText.pipe(z.string().min(1, t('campaigns.themeNeeded'))) : typedText,
      startDate: neededDay(t('campaigns.dayNeeded')),
      endDate: neededDay(t('campaigns.dayNeeded')),
      leadAgencyId: chosenId,
      taskIds: z.array(z.number()),
      color: typedText.transform((text) => text || null),
    }),
    CampaignInput,
  );
}

export function CampaignForm({
  campaign,
  draft,
  agencies,
  tasks,
  onClose,
  onSaved,
}: {
  /** Null for a new campaign. */
  campaign: Campaign | null;
  /** A new campaign's prefilled values: an observance's peak offered from its band. */
  draft?: PeakDraft | undefined;
  agencies: Agency[];
  tasks: Task[];
  onClose: () => void;
  onSaved: (campaign: Campaign) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const user = useUser();
  const today = todayIn(useTimeZone());
  const themeNeeded = Boolean(draft?.themeMissing);
  const schema = useMemo(() => campaignValues(t, themeNeeded), [t, themeNeeded]);
  // An agency's editor runs campaigns their agency leads: it starts as theirs.
  const lead = campaign ? campaign.leadAgencyId : actsProvinceWide(user.role) ? null : user.agencyId;
  const editor = useRecordForm({
    schema,
    defaultValues: {
      name: campaign?.name ?? draft?.name ?? '',
      theme: campaign?.theme ?? draft?.theme ?? '',
      startDate: dayText(campaign?.startDate ?? draft?.startDate),
      endDate: dayText(campaign?.endDate ?? draft?.endDate),
      leadAgencyId: lead ? String(lead) : '',
      taskIds: campaign?.taskIds ?? [],
      color: campaign?.color ?? '',
    },
    fields: campaignFields,
    save: (values) =>
      saveRecord(
        campaign,
        values,
        (input) => createCampaign({ ...input, observanceCode: draft?.observanceCode ?? null }),
        updateCampaign,
      ),
    onSaved,
  });
  const { bind } = editor;
  const taskOptions = useMemo(
    () => tasks.map((task) => ({ value: task.id, label: taskTitle(task, language) })),
    [tasks, language],
  );

  return (
    <EditorDialog
      title={campaign ? t('campaigns.editTitle') : t('campaigns.createTitle')}
      editor={editor}
      onSubmit={editor.submit}
      onClose={onClose}
    >
      <TextField label={t('campaigns.name')} {...bind('name')} maxLength={300} required />
      <TextAreaField
        label={t('campaigns.theme')}
        {...bind('theme')}
        rows={2}
        maxLength={1000}
        required={themeNeeded}
        hint={
          themeNeeded && draft
            ? t('campaigns.themeOfYearMissing', { year: draft.day.slice(0, 4) })
            : undefined
        }
      />
      <div className="form__grid">
        <DateField label={t('campaigns.startDate')} {...bind('startDate')} required />
        <DateField label={t('campaigns.endDate')} {...bind('endDate')} required />
        <SelectField label={t('campaigns.lead')} {...bind('leadAgencyId')}>
          <option value="">{t('common.none')}</option>
          {agencyOptions(agencies, today, campaign?.leadAgencyId ?? lead, language, t)}
        </SelectField>
        <TextField
          label={t('campaigns.colour')}
          {...bind('color')}
          hint={t('campaigns.colourHint')}
          placeholder="#2b6cb0"
          spellCheck={false}
          autoComplete="off"
          maxLength={7}
        />
      </div>
      <MultiPicker
        label={t('campaigns.tasks')}
        options={taskOptions}
        {...bind('taskIds')}
        selected={bind('taskIds').value}
      />
    </EditorDialog>
  );
}
