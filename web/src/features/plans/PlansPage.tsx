// The plans, newest year first: each opens its tasks and their progress.
import { useCallback, useMemo } from 'react';
import { listPlans, type Plan } from '../../api/plans';
import { Link } from '../../app/router';
import { PageFrame } from '../../components/ActivityParts';
import { RecordTable } from '../../components/RecordList';
import { LoadState } from '../../components/records';
import { useLanguage, useT } from '../../i18n/context';
import { periodText, planTitle, useNumbers } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';

export function PlansPage() {
  const t = useT();
  const [language] = useLanguage();
  const { number } = useNumbers();
  const load = useCallback((signal: AbortSignal) => listPlans(signal), []);
  const plans = useLoad(['plans'], load);
  const sorted = useMemo(
    () =>
      [...(plans.data ?? [])].sort(
        (a, b) => b.year - a.year || b.startDate.localeCompare(a.startDate) || b.id - a.id,
      ),
    [plans.data],
  );

  return (
    <PageFrame title={t('plans.title')}>
      <p className="work-page__intro">{t('plans.intro')}</p>
      <LoadState loaded={plans} failedTitle={t('plans.loadFailed')}>
        {() => (
          <RecordTable<Plan>
            label={t('plans.list')}
            rows={sorted}
            rowKey={(plan) => plan.id}
            empty={t('plans.none')}
            columns={[
              {
                label: t('plans.plan'),
                cell: (plan) => (
                  <>
                    <Link href={`/plans/${plan.id}`}>{planTitle(plan, language)}</Link>
                    {plan.code ? <span className="table__sub">{plan.code}</span> : null}
                  </>
                ),
              },
              { label: t('plans.year'), cell: (plan) => plan.year },
              {
                label: t('plans.period'),
                cell: (plan) => periodText(plan.startDate, plan.endDate),
                className: 'table__nowrap',
              },
              { label: t('plans.taskCount'), cell: (plan) => number(plan.taskCount) },
            ]}
          />
        )}
      </LoadState>
    </PageFrame>
  );
}
