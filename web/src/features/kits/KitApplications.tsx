// On a campaign's page: "Áp dụng bộ mẫu" (its activities added to this open campaign), and
// the kits applied to it, each undone as a whole while none of its activities has a result.
import './kits.css';
import { useCallback, useState } from 'react';
import type { Campaign } from '../../api/campaigns';
import { type KitApplication, listKitApplications, undoKitApplication } from '../../api/kits';
import { can } from '../../app/permissions';
import { navigate } from '../../app/router';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { RecordTable } from '../../components/RecordList';
import { ConfirmDialog } from '../../components/records';
import { useT } from '../../i18n/context';
import { formatInstant } from '../../i18n/dates';
import { useLoad } from '../../lib/useLoad';
import { ApplyKitDialog, useKits } from './ApplyKitDialog';

/** The button, for an open campaign and those who apply kits; nothing otherwise. */
export function ApplyKitButton({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const t = useT();
  const user = useUser();
  const kits = useKits();
  const [open, setOpen] = useState(false);
  if (!can.writeKits(user.role) || campaign.closedAt || !kits.data || kits.data.length === 0) return null;
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('kits.apply')}
      </button>
      {open ? (
        <ApplyKitDialog
          kits={kits.data}
          campaign={campaign}
          onClose={() => {
            setOpen(false);
            onChanged();
          }}
          onChanged={onChanged}
        />
      ) : null}
    </>
  );
}

/** The kits applied to the campaign; none: nothing shown. */
export function KitApplications({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) {
  const t = useT();
  const user = useUser();
  const timeZone = useTimeZone();
  const kits = useKits();
  const load = useCallback(
    (signal: AbortSignal) => listKitApplications({ campaignId: campaign.id }, signal),
    [campaign.id],
  );
  const applications = useLoad(['kit-applications', campaign.id], load);
  const [undoing, setUndoing] = useState<KitApplication | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const list = applications.data ?? [];
  if (list.length === 0 && !notice) return null;
  const kitName = (id: number) => kits.data?.find((kit) => kit.id === id)?.name ?? t('kits.deletedKit');
  const day = (application: KitApplication) => formatInstant(application.createdAt, timeZone);
  const mayUndo = can.writeKits(user.role);

  return (
    <section className="work-section kit-applications" aria-label={t('kits.applications')}>
      <h3>{t('kits.applications')}</h3>
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      <RecordTable<KitApplication>
        label={t('kits.applicationsTable')}
        rows={list}
        rowKey={(application) => application.id}
        empty={t('kits.none')}
        columns={[
          { label: t('kits.appliedKit'), cell: (application) => kitName(application.kitId) },
          { label: t('kits.appliedOn'), cell: day, className: 'table__nowrap' },
          {
            label: t('kits.appliedCount'),
            cell: (application) => application.activityCount,
            className: 'number',
          },
          {
            label: t('kits.appliedState'),
            cell: (application) =>
              application.undoneAt ? (
                <span className="muted">
                  {t('kits.undone', { day: formatInstant(application.undoneAt, timeZone) })}
                </span>
              ) : application.withResult > 0 ? (
                t('kits.undoBlocked', { count: application.withResult })
              ) : (
                t('kits.live')
              ),
          },
        ]}
        actions={
          mayUndo
            ? (application) =>
                application.undoneAt ? null : (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-label={t('kits.undoOf', { day: day(application) })}
                    disabled={application.withResult > 0}
                    title={
                      application.withResult > 0
                        ? t('kits.undoBlocked', { count: application.withResult })
                        : undefined
                    }
                    onClick={() => setUndoing(application)}
                  >
                    {t('kits.undo')}
                  </button>
                )
            : undefined
        }
      />
      {undoing ? (
        <ConfirmDialog
          title={t('kits.undoOf', { day: day(undoing) })}
          message={t('kits.undoConfirm', { count: undoing.activityCount })}
          confirmLabel={t('kits.undo')}
          onConfirm={async () => {
            const undone = await undoKitApplication(undoing.id);
            setUndoing(null);
            // An application that created the campaign takes it along when nothing else uses it.
            if (undone.createdCampaign) navigate('/campaigns');
            setNotice(t('kits.undoDone', { count: undoing.activityCount }));
            onChanged();
          }}
          onClose={() => setUndoing(null)}
        />
      ) : null}
    </section>
  );
}
