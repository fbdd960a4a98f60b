// One task of a plan: its full text, who leads and joins it, whom it aims at and through
// which channels, its targets against its activities' planned figures, and its activities.
import { useCallback, useMemo } from 'react';
import { listActivitiesWhere } from '../../api/activity-lists';
import { listAgencies } from '../../api/agencies';
import { getCatalog } from '../../api/catalog';
import { getPlan, getPlanProgress, getTask } from '../../api/plans';
import { Link } from '../../app/router';
import {
  ActivityCounts,
  ActivityTable,
  PageFrame,
  ProgressBar,
  TargetsTable,
} from '../../components/ActivityParts';
import { LoadState } from '../../components/records';
import { useLanguage, useT } from '../../i18n/context';
import { agenciesText, planTitle, taskTitle } from '../../lib/format';
import { agencyName, entryName, namesById } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { planFigureHref } from '../reports/links';
import './plans.css';

async function loadTask(id: number, signal: AbortSignal) {
  const [task, activities, agencies, catalog] = await Promise.all([
    getTask(id, signal),
    listActivitiesWhere({ taskId: id }, { signal }),
    listAgencies({ signal }),
    getCatalog(signal),
  ]);
  const [plan, progress] = await Promise.all([
    getPlan(task.planId, signal),
    getPlanProgress(task.planId, signal),
  ]);
  return { task, plan, progress, activities, agencies, catalog };
}
type LoadedTask = Awaited<ReturnType<typeof loadTask>>;

/** A text as typed in the plan: a paragraph a line, blank lines ignored. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function TaskPage({ id }: { id: number }) {
  const t = useT();
  const [language] = useLanguage();
  const load = useCallback((signal: AbortSignal) => loadTask(id, signal), [id]);
  const loaded = useLoad(['tasks', id], load);
  const data = loaded.data;
  const title = data ? `${data.task.code} ${taskTitle(data.task, language)}` : t('plans.taskTitle');
  const back = data
    ? { href: `/plans/${data.plan.id}`, label: planTitle(data.plan, language) }
    : { href: '/plans', label: t('plans.backToPlans') };

  return (
    <PageFrame
      title={title}
      back={back}
      actions={
        <Link
          href={`/?${new URLSearchParams({ taskId: String(id), view: 'list' })}`}
          className="work-page__button"
        >
          {t('plans.openCalendar')}
        </Link>
      }
    >
      <LoadState loaded={loaded} failedTitle={t('plans.taskLoadFailed')}>
        {(loadedTask) => <TaskContent data={loadedTask} />}
      </LoadState>
    </PageFrame>
  );
}

function TaskContent({ data }: { data: LoadedTask }) {
  const t = useT();
  const [language] = useLanguage();
  const { task, plan, progress, activities, agencies, catalog } = data;
  const nameOf = useMemo(
    () => namesById(agencies, (agency) => agencyName(agency, language)),
    [agencies, language],
  );
  const taskProgress = progress.tasks.find((entry) => entry.taskId === task.id);
  const idle = progress.tasksWithoutActivities.includes(task.id);
  const section = plan.sections.find((entry) => entry.code === task.sectionCode);
  const text = language === 'en' && task.textEn ? task.textEn : task.text;
  const named = <T extends { code: string; name: string; nameEn: string }>(entries: T[], codes: string[]) =>
    codes
      .map((code) => {
        const entry = entries.find((candidate) => candidate.code === code);
        return entry ? entryName(entry, language) : code;
      })
      .join('; ');
  const leads = agenciesText(task.leadAgencyIds, task.leadAllAgencies, nameOf, t);
  const partners = agenciesText(task.partnerAgencyIds, task.partnerAllAgencies, nameOf, t);
  const none = <span className="muted">{t('plans.notNamed')}</span>;

  return (
    <>
      {idle ? (
        <p>
          <span className="badge badge--idle">{t('plans.noActivities')}</span>
        </p>
      ) : null}
      <div className="work-page__panel">
        <dl className="details-list">
          <dt>{t('plans.plan')}</dt>
          <dd>
            <Link href={`/plans/${plan.id}`}>{planTitle(plan, language)}</Link>
          </dd>
          {section ? (
            <>
              <dt>{t('plans.section')}</dt>
              <dd>
                {section.code}. {language === 'en' && section.titleEn ? section.titleEn : section.title}
              </dd>
            </>
          ) : null}
          <dt>{t('plans.lead')}</dt>
          <dd>{leads || none}</dd>
          <dt>{t('plans.partners')}</dt>
          <dd>{partners || none}</dd>
          <dt>{t('plans.targetGroups')}</dt>
          <dd>{named(catalog.targetGroups, task.targetGroupCodes) || none}</dd>
          <dt>{t('plans.channels')}</dt>
          <dd>{named(catalog.channels, task.channelCodes) || none}</dd>
          <dt>{t('plans.activityTypes')}</dt>
          <dd>{named(catalog.activityTypes, task.activityTypeCodes) || none}</dd>
        </dl>
      </div>

      {text ? (
        <section className="work-section" aria-label={t('plans.text')}>
          <h3>{t('plans.text')}</h3>
          <div className="work-page__text">
            {paragraphs(text).map((paragraph, index) => (
              // The text does not change under the page: its order is its identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs may repeat; their place tells them apart.
              <p key={index}>{paragraph}</p>
            ))}
          </div>
        </section>
      ) : null}

      <section className="work-page__panel" aria-label={t('plans.progress')}>
        <h3>{t('plans.progress')}</h3>
        <ActivityCounts
          label={t('plans.taskCounts', { code: task.code })}
          counts={[
            {
              key: 'planned',
              label: t('plans.planned'),
              value: taskProgress?.planned ?? 0,
              href: planFigureHref({ taskId: task.id }),
            },
            {
              key: 'done',
              label: t('plans.done'),
              value: taskProgress?.done ?? 0,
              href: planFigureHref({ taskId: task.id, figure: 'done' }),
            },
            {
              key: 'overdue',
              label: t('plans.overdue'),
              value: taskProgress?.overdue ?? 0,
              alert: true,
              href: planFigureHref({ taskId: task.id, figure: 'overdue' }),
            },
            {
              key: 'postponed',
              label: t('status.postponed'),
              value: taskProgress?.postponed ?? 0,
              href: planFigureHref({ taskId: task.id, figure: 'postponed' }),
            },
            {
              key: 'cancelled',
              label: t('status.cancelled'),
              value: taskProgress?.cancelled ?? 0,
              href: planFigureHref({ taskId: task.id, figure: 'cancelled' }),
            },
          ]}
        />
        {taskProgress && taskProgress.planned > 0 ? (
          <ProgressBar label={t('plans.doneShare')} value={taskProgress.done} max={taskProgress.planned} />
        ) : null}
        <TargetsTable
          task={task}
          progress={taskProgress}
          catalog={catalog}
          caption={t('plans.targetsCaption')}
        />
        <p className="work-page__note">{t('plans.scheduledNote')}</p>
      </section>

      <section className="work-section" aria-label={t('plans.activities')}>
        <h3>{t('plans.activities')}</h3>
        <ActivityTable
          label={t('plans.activitiesOf', { name: task.code })}
          activities={activities.activities}
          total={activities.total}
          agencyName={nameOf}
          catalog={catalog}
          empty={t('plans.taskNoActivities')}
        />
      </section>
    </>
  );
}
