// How far a plan of the period has come: each task's activities planned and done, and each
// of its targets against the figures its activities plan and those their results achieved.
// A task with no activity at all says so in words.
import { useCallback, useId } from 'react';
import type { Catalog } from '../../api/catalog';
import { getPlanProgress, type Plan, type Task } from '../../api/plans';
import { Link } from '../../app/router';
import { ProgressBar } from '../../components/ActivityParts';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/form';
import { Loading } from '../../components/Loading';
import { TableRegion } from '../../components/Table';
import { useLanguage, useT } from '../../i18n/context';
import { periodText, planTitle, taskTitle, unitText, useNumbers } from '../../lib/format';
import { entryName } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { planFigureHref } from './links';

export function PlanProgressSection({
  plans,
  planId,
  tasksOf,
  catalog,
  onPlan,
}: {
  /** The plans whose period overlaps the report's. */
  plans: readonly Plan[];
  planId: number | undefined;
  tasksOf: (planId: number) => readonly Task[];
  catalog: Catalog;
  onPlan: (planId: number) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const id = useId();
  const plan = plans.find((entry) => entry.id === planId) ?? plans[0];

  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id} className="report-section__title">
        {t('reports.plan.title')}
      </h3>
      {plan === undefined ? (
        <p className="muted report-section__none">{t('reports.plan.none')}</p>
      ) : (
        <>
          {plans.length > 1 ? (
            <div className="report-plan__choice">
              <SelectField
                label={t('reports.plan.choose')}
                value={String(plan.id)}
                onChange={(value) => onPlan(Number(value))}
              >
                {plans.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {planTitle(entry, language)} ({periodText(entry.startDate, entry.endDate)})
                  </option>
                ))}
              </SelectField>
            </div>
          ) : null}
          <p className="report-plan__name">
            <Link href={`/plans/${plan.id}`}>{planTitle(plan, language)}</Link>
            <span className="report-note">
              {t('reports.plan.period', { period: periodText(plan.startDate, plan.endDate) })}
            </span>
          </p>
          <p className="report-note report-note--block">{t('reports.plan.wholePlanNote')}</p>
          <PlanTable key={plan.id} plan={plan} tasks={tasksOf(plan.id)} catalog={catalog} />
        </>
      )}
    </section>
  );
}

function PlanTable({ plan, tasks, catalog }: { plan: Plan; tasks: readonly Task[]; catalog: Catalog }) {
  const t = useT();
  const [language] = useLanguage();
  const { number, percent } = useNumbers();
  const load = useCallback((signal: AbortSignal) => getPlanProgress(plan.id, signal), [plan.id]);
  const progress = useLoad(['plan-progress', plan.id], load);
  const indicators = new Map(catalog.indicators.map((indicator) => [indicator.code, indicator]));

  if (progress.error) {
    return (
      <ErrorAlert title={t('reports.plan.loadFailed')} error={progress.error} onRetry={progress.reload} />
    );
  }
  if (!progress.data) return <Loading />;
  const byTask = new Map(progress.data.tasks.map((entry) => [entry.taskId, entry]));
  const idle = new Set(progress.data.tasksWithoutActivities);
  const totals = progress.data.tasks.reduce(
    (sum, entry) => ({ planned: sum.planned + entry.planned, done: sum.done + entry.done }),
    { planned: 0, done: 0 },
  );

  return (
    <>
      <p className="report-plan__summary">
        {t('reports.plan.summary', { count: number(tasks.length) })}
        {idle.size > 0 ? (
          <strong className="report-plan__idle-count">
            {' '}
            {t('reports.plan.idleSummary', { count: number(idle.size) })}
          </strong>
        ) : null}
      </p>
      <ProgressBar label={t('plans.doneShare')} value={totals.done} max={totals.planned} />
      <p className="report-plan__totals" data-progress="plan">
        <Link href={planFigureHref({ planId: plan.id })}>
          {t('plans.planned')}: {number(totals.planned)}
        </Link>
        <Link href={planFigureHref({ planId: plan.id, figure: 'done' })}>
          {t('plans.done')}: {number(totals.done)}
        </Link>
      </p>
      <TableRegion label={t('reports.plan.tableLabel', { plan: planTitle(plan, language) })}>
        <table className="table table--compact report-table plan-progress">
          <thead>
            <tr>
              <th scope="col">{t('reports.plan.task')}</th>
              <th scope="col" className="report-table__number">
                {t('reports.plan.planned')}
              </th>
              <th scope="col" className="report-table__number">
                {t('reports.plan.done')}
              </th>
              <th scope="col">{t('reports.plan.indicator')}</th>
              <th scope="col" className="report-table__number">
                {t('reports.plan.target')}
              </th>
              <th scope="col" className="report-table__number">
                {t('reports.plan.scheduled')}
              </th>
              <th scope="col" className="report-table__number">
                {t('reports.plan.achieved')}
              </th>
              <th scope="col" className="report-table__number">
                {t('reports.plan.share')}
              </th>
            </tr>
          </thead>
          {tasks.map((task) => {
            const entry = byTask.get(task.id);
            const targets =
              entry?.targets ??
              task.targets.map((target) => ({
                indicatorCode: target.indicatorCode,
                target: target.value,
                scheduled: 0,
                achieved: 0,
              }));
            const span = Math.max(1, targets.length);
            const isIdle = idle.has(task.id);
            const taskCells = (
              <>
                <th scope="rowgroup" rowSpan={span} className="plan-progress__task">
                  <Link href={`/tasks/${task.id}`}>
                    <span className="plan-progress__code">{task.code}</span> {taskTitle(task, language)}
                  </Link>
                  {isIdle ? <span className="badge badge--gap">{t('reports.plan.noActivities')}</span> : null}
                </th>
                <td rowSpan={span} className="report-table__number" data-progress="planned">
                  <Link href={planFigureHref({ taskId: task.id })}>{number(entry?.planned ?? 0)}</Link>
                </td>
                <td rowSpan={span} className="report-table__number" data-progress="done">
                  <Link href={planFigureHref({ taskId: task.id, figure: 'done' })}>
                    {number(entry?.done ?? 0)}
                  </Link>
                </td>
              </>
            );
            return (
              <tbody
                key={task.id}
                className={
                  isIdle ? 'plan-progress__group plan-progress__group--idle' : 'plan-progress__group'
                }
                data-task={task.id}
              >
                {targets.length === 0 ? (
                  <tr>
                    {taskCells}
                    <td colSpan={5} className="muted">
                      {t('reports.plan.noTargets')}
                    </td>
                  </tr>
                ) : (
                  targets.map((target, index) => {
                    const indicator = indicators.get(target.indicatorCode);
                    const unit = indicator ? unitText(indicator, t) : '';
                    const share = percent(target.achieved, target.target);
                    const width =
                      target.target > 0
                        ? Math.min(100, Math.round((target.achieved / target.target) * 100))
                        : 0;
                    return (
                      <tr key={target.indicatorCode} data-indicator={target.indicatorCode}>
                        {index === 0 ? taskCells : null}
                        <td>
                          {indicator ? entryName(indicator, language) : target.indicatorCode}
                          {indicator?.aggregation === 'max' ? (
                            <span className="report-note">{t('reports.figures.maxNote')}</span>
                          ) : null}
                        </td>
                        <td className="report-table__number">
                          {number(target.target)}
                          {unit ? ` ${unit}` : ''}
                        </td>
                        <td className="report-table__number">{number(target.scheduled)}</td>
                        <td className="report-table__number">
                          <Link href={planFigureHref({ taskId: task.id, indicator: target.indicatorCode })}>
                            {number(target.achieved)}
                          </Link>
                        </td>
                        <td className="report-table__number plan-progress__share">
                          <span>{share ?? '—'}</span>
                          <span className="plan-progress__meter" aria-hidden="true">
                            <span className="plan-progress__meter-fill" style={{ width: `${width}%` }} />
                          </span>
                        </td>
                      </tr>
                    );
                  })
                )}
              </tbody>
            );
          })}
        </table>
      </TableRegion>
      {tasks.length === 0 ? <p className="muted report-section__none">{t('reports.plan.noTasks')}</p> : null}
    </>
  );
}
