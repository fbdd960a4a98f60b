// A plan at a glance: its period and goal, then its tasks section by section, each with who
// leads it, how many of its activities are done or overdue, and its targets against the
// figures its activities plan. A task with no activity at all says so in words.
import { useCallback, useMemo, useState } from 'react';
import { listAgencies } from '../../api/agencies';
import { type Catalog, getCatalog } from '../../api/catalog';
import {
  getPlan,
  getPlanProgress,
  listTasks,
  type Plan,
  type Task,
  type TaskProgress,
} from '../../api/plans';
import { can } from '../../app/permissions';
import { Link } from '../../app/router';
import { useUser } from '../../app/session';
import { ActivityCounts, PageFrame, ProgressBar, TargetsTable } from '../../components/ActivityParts';
import { dayText } from '../../components/form';
import { LoadState } from '../../components/records';
import { type Translate, useLanguage, useT } from '../../i18n/context';
import { agenciesText, periodText, planTitle, taskTitle, useNumbers } from '../../lib/format';
import { agencyName, namesById } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { planFigureHref } from '../reports/links';
import { PlanCopyDialog } from './PlanCopyDialog';
import { PlanForm } from './PlanForm';
import './plans.css';

async function loadPlan(id: number, signal: AbortSignal) {
  const [plan, tasks, progress, agencies, catalog] = await Promise.all([
    getPlan(id, signal),
    listTasks(id, signal),
    getPlanProgress(id, signal),
    // Every agency, past ones too: a plan of an earlier year names agencies merged since.
    listAgencies({ signal }),
    getCatalog(signal),
  ]);
  return { plan, tasks, progress, agencies, catalog };
}
type LoadedPlan = Awaited<ReturnType<typeof loadPlan>>;

export function PlanPage({ id }: { id: number }) {
  const t = useT();
  const [language] = useLanguage();
  const load = useCallback((signal: AbortSignal) => loadPlan(id, signal), [id]);
  const loaded = useLoad(['plans', id], load);
  const title = loaded.data ? planTitle(loaded.data.plan, language) : t('plans.planTitle');
  const mayEdit = can.writePlans(useUser().role);
  const [editing, setEditing] = useState(false);
  const [copying, setCopying] = useState(false);
  // Said in the reader's language of the moment, switch or not.
  const [saved, setSaved] = useState(false);

  return (
    <PageFrame
      title={title}
      back={{ href: '/plans', label: t('plans.backToPlans') }}
      actions={
        mayEdit && loaded.data ? (
          <>
            <button type="button" className="button" onClick={() => setEditing(true)}>
              {t('plans.edit')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setCopying(true)}>
              {t('planCopy.open')}
            </button>
          </>
        ) : null
      }
    >
      {/* Always present, empty when there is nothing to say: a live region must exist before it speaks. */}
      <p className="notice notice--success" role="status">
        {saved ? t('plans.saved') : null}
      </p>
      <LoadState loaded={loaded} failedTitle={t('plans.planLoadFailed')}>
        {(data) => <PlanContent data={data} />}
      </LoadState>
      {editing && loaded.data ? (
        <PlanForm
          plan={loaded.data.plan}
          agencies={loaded.data.agencies}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
          }}
        />
      ) : null}
      {copying && loaded.data ? (
        <PlanCopyDialog
          plan={loaded.data.plan}
          agencies={loaded.data.agencies}
          onClose={() => setCopying(false)}
        />
      ) : null}
    </PageFrame>
  );
}

type Group = { key: string; title: string | null; tasks: Task[] };

/** Tasks under their plan's sections, in order; those of no known section last. */
function groupTasks(plan: Plan, tasks: Task[], language: string, otherTitle: string): Group[] {
  const groups: Group[] = plan.sections.map((section) => {
    const name = language === 'en' && section.titleEn ? section.titleEn : section.title;
    return {
      key: `section-${section.code}`,
      title: `${section.code.replace(/\.$/, '')}. ${name}`,
      tasks: tasks.filter((task) => task.sectionCode === section.code),
    };
  });
  const known = new Set(plan.sections.map((section) => section.code));
  const others = tasks.filter((task) => task.sectionCode === null || !known.has(task.sectionCode));
  if (others.length > 0) {
    groups.push({ key: 'others', title: groups.length > 0 ? otherTitle : null, tasks: others });
  }
  return groups.filter((group) => group.tasks.length > 0);
}

/** The plan as a document: `Số 12/KH-UBND, ngày 15/1/2026`, or whichever of the two it has. */
function documentText(plan: Plan, t: Translate): string {
  const date = plan.issueDate ? dayText(plan.issueDate) : null;
  if (plan.code && date) return t('plans.numberAndDate', { code: plan.code, date });
  if (plan.code) return t('plans.numberOnly', { code: plan.code });
  return date ? t('plans.dateOnly', { date }) : '';
}

function PlanContent({ data }: { data: LoadedPlan }) {
  const t = useT();
  const [language] = useLanguage();
  const { number } = useNumbers();
  const { plan, tasks, progress, agencies, catalog } = data;

  const nameOf = useMemo(
    () => namesById(agencies, (agency) => agencyName(agency, language)),
    [agencies, language],
  );
  const progressOf = useMemo(() => new Map(progress.tasks.map((entry) => [entry.taskId, entry])), [progress]);
  const idle = useMemo(() => new Set(progress.tasksWithoutActivities), [progress]);
  const groups = groupTasks(plan, tasks, language, t('plans.otherTasks'));
  const totals = progress.tasks.reduce(
    (sum, entry) => ({
      planned: sum.planned + entry.planned,
      done: sum.done + entry.done,
      overdue: sum.overdue + entry.overdue,
    }),
    { planned: 0, done: 0, overdue: 0 },
  );
  const goal = language === 'en' && plan.goalEn ? plan.goalEn : plan.goal;

  return (
    <>
      <div className="work-page__panel">
        <dl className="details-list">
          <dt>{t('plans.period')}</dt>
          <dd>{periodText(plan.startDate, plan.endDate)}</dd>
          {plan.code || plan.issueDate ? (
            <>
              <dt>{t('plans.document')}</dt>
              <dd>{documentText(plan, t)}</dd>
            </>
          ) : null}
          {plan.issuerAgencyId ? (
            <>
              <dt>{t('plans.issuer')}</dt>
              <dd>{nameOf(plan.issuerAgencyId)}</dd>
            </>
          ) : null}
          {goal ? (
            <>
              <dt>{t('plans.goal')}</dt>
              <dd className="details-list__text">{goal}</dd>
            </>
          ) : null}
          <dt>{t('plans.tasks')}</dt>
          <dd>
            {t('plans.tasksSummary', { count: number(tasks.length) })}
            {idle.size > 0 ? ` ${t('plans.idleSummary', { count: number(idle.size) })}` : ''}
          </dd>
        </dl>
        <ActivityCounts
          label={t('plans.planCounts')}
          counts={[
            {
              key: 'planned',
              label: t('plans.planned'),
              value: totals.planned,
              href: planFigureHref({ planId: plan.id }),
            },
            {
              key: 'done',
              label: t('plans.done'),
              value: totals.done,
              href: planFigureHref({ planId: plan.id, figure: 'done' }),
            },
            {
              key: 'overdue',
              label: t('plans.overdue'),
              value: totals.overdue,
              alert: true,
              href: planFigureHref({ planId: plan.id, figure: 'overdue' }),
            },
          ]}
        />
        <ProgressBar label={t('plans.doneShare')} value={totals.done} max={totals.planned} />
        <p className="work-page__note">{t('plans.scheduledNote')}</p>
      </div>

      {tasks.length === 0 ? <p>{t('plans.noTasks')}</p> : null}
      {groups.map((group) => (
        <section key={group.key} className="plan-section" aria-label={group.title ?? t('plans.tasks')}>
          {group.title ? <h3 className="plan-section__title">{group.title}</h3> : null}
          {group.tasks.map((task) => (
            <TaskCard
              key={task.id}
              task={task}
              progress={progressOf.get(task.id)}
              idle={idle.has(task.id)}
              nameOf={nameOf}
              catalog={catalog}
            />
          ))}
        </section>
      ))}
    </>
  );
}

function TaskCard({
  task,
  progress,
  idle,
  nameOf,
  catalog,
}: {
  task: Task;
  progress: TaskProgress | undefined;
  idle: boolean;
  nameOf: (id: number) => string;
  catalog: Catalog;
}) {
  const t = useT();
  const [language] = useLanguage();
  const title = taskTitle(task, language);
  const leads = agenciesText(task.leadAgencyIds, task.leadAllAgencies, nameOf, t);
  const partners = agenciesText(task.partnerAgencyIds, task.partnerAllAgencies, nameOf, t);
  const planned = progress?.planned ?? 0;
  const done = progress?.done ?? 0;
  const figure = (kind?: 'done' | 'overdue' | 'postponed' | 'cancelled') =>
    planFigureHref({ taskId: task.id, figure: kind });

  return (
    <article
      className={idle ? 'task-card task-card--idle' : 'task-card'}
      aria-label={`${task.code} ${title}`}
    >
      <div className="task-card__head">
        <h4 className="task-card__title">
          <Link href={`/tasks/${task.id}`}>
            <span className="task-card__code">{task.code}</span>
            {title}
          </Link>
        </h4>
        {idle ? <span className="badge badge--idle">{t('plans.noActivities')}</span> : null}
      </div>
      <dl className="task-card__facts">
        <dt>{t('plans.lead')}</dt>
        <dd>{leads || <span className="muted">{t('plans.notNamed')}</span>}</dd>
        <dt>{t('plans.partners')}</dt>
        <dd>{partners || <span className="muted">{t('plans.notNamed')}</span>}</dd>
      </dl>
      {/* A task with nothing on the calendar says so in its badge: a row of zeros adds nothing. */}
      {planned > 0 || (progress?.cancelled ?? 0) > 0 ? (
        <ActivityCounts
          label={t('plans.taskCounts', { code: task.code })}
          counts={[
            { key: 'planned', label: t('plans.planned'), value: planned, href: figure() },
            { key: 'done', label: t('plans.done'), value: done, href: figure('done') },
            {
              key: 'overdue',
              label: t('plans.overdue'),
              value: progress?.overdue ?? 0,
              alert: true,
              href: figure('overdue'),
            },
            ...(progress && progress.postponed > 0
              ? [
                  {
                    key: 'postponed',
                    label: t('status.postponed'),
                    value: progress.postponed,
                    href: figure('postponed'),
                  },
                ]
              : []),
            ...(progress && progress.cancelled > 0
              ? [
                  {
                    key: 'cancelled',
                    label: t('status.cancelled'),
                    value: progress.cancelled,
                    href: figure('cancelled'),
                  },
                ]
              : []),
          ]}
        />
      ) : null}
      {planned > 0 ? <ProgressBar label={t('plans.doneShare')} value={done} max={planned} /> : null}
      <TargetsTable task={task} progress={progress} catalog={catalog} caption={t('plans.targetsCaption')} />
    </article>
  );
}
