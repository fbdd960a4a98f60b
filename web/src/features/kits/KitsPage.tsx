// The campaign kits: everyone reads what each holds; coordinators and admins create, edit,
// delete (soft) and apply them.
import './kits.css';
import { type ReactNode, useCallback, useMemo, useState } from 'react';
import { type Agency, listAgencies } from '../../api/agencies';
import { type Catalog, getCatalog } from '../../api/catalog';
import { deleteKit, type Kit, type KitItem } from '../../api/kits';
import { can } from '../../app/permissions';
import { useUser } from '../../app/session';
import { PageFrame } from '../../components/ActivityParts';
import { RecordTable } from '../../components/RecordList';
import { ConfirmDialog, LoadState } from '../../components/records';
import { type Language, type Translate, useLanguage, useT } from '../../i18n/context';
import { agencyName, entryName, namesById } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { ApplyKitDialog, useKits } from './ApplyKitDialog';
import { KitForm } from './KitForm';
import { anchorText, offsetText } from './kitText';

async function loadReferences(signal: AbortSignal) {
  const [catalog, agencies] = await Promise.all([getCatalog(signal), listAgencies({ signal })]);
  return { catalog, agencies };
}

type Open =
  | { kind: 'edit'; kit: Kit | null }
  | { kind: 'apply'; kit: Kit }
  | { kind: 'delete'; kit: Kit }
  | null;

export function KitsPage() {
  const t = useT();
  const [language] = useLanguage();
  const user = useUser();
  const kits = useKits();
  const references = useLoad(['kit-references'], useCallback(loadReferences, []));
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const mayWrite = can.writeKits(user.role);
  const refs = references.data;
  const done = (message: string | null) => {
    setOpen(null);
    setNotice(message);
    kits.reload();
  };

  return (
    <PageFrame
      title={t('kits.title')}
      back={{ href: '/campaigns', label: t('campaigns.backToCampaigns') }}
      actions={
        mayWrite && refs ? (
          <button type="button" className="button" onClick={() => setOpen({ kind: 'edit', kit: null })}>
            {t('kits.create')}
          </button>
        ) : null
      }
    >
      <p className="work-page__intro">
        {t('kits.intro')} {mayWrite ? null : <span className="muted">{t('kits.readOnly')}</span>}
      </p>
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      {open?.kind === 'edit' && refs ? (
        <KitForm
          kit={open.kit}
          catalog={refs.catalog}
          agencies={refs.agencies}
          onClose={() => setOpen(null)}
          onSaved={(saved) => done(t('kits.saved', { name: saved.name }))}
        />
      ) : null}
      {open?.kind === 'apply' && kits.data ? (
        <ApplyKitDialog
          kits={kits.data}
          kitId={open.kit.id}
          onClose={() => setOpen(null)}
          onChanged={() => setNotice(null)}
        />
      ) : null}
      {open?.kind === 'delete' ? (
        <ConfirmDialog
          title={t('kits.deleteTitle')}
          message={t('kits.deleteConfirm', { name: open.kit.name })}
          confirmLabel={t('kits.delete')}
          onConfirm={async () => {
            await deleteKit(open.kit.id, open.kit.version);
            done(t('kits.deleted', { name: open.kit.name }));
          }}
          onClose={() => setOpen(null)}
        />
      ) : null}
      <LoadState loaded={references} failedTitle={t('kits.loadFailed')}>
        {(loadedRefs) => (
          <LoadState loaded={kits} failedTitle={t('kits.loadFailed')}>
            {(list) => (
              <KitTable
                kits={list}
                catalog={loadedRefs.catalog}
                agencies={loadedRefs.agencies}
                language={language}
                t={t}
                actions={
                  mayWrite
                    ? (kit) => (
                        <div className="kit-actions">
                          <button
                            type="button"
                            className="button button--small"
                            aria-label={t('kits.applyOf', { name: kit.name })}
                            onClick={() => setOpen({ kind: 'apply', kit })}
                          >
                            {t('kits.apply')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-label={t('kits.editOf', { name: kit.name })}
                            onClick={() => setOpen({ kind: 'edit', kit })}
                          >
                            {t('kits.edit')}
                          </button>
                          <button
                            type="button"
                            className="button button--danger button--small"
                            aria-label={t('kits.deleteOf', { name: kit.name })}
                            onClick={() => setOpen({ kind: 'delete', kit })}
                          >
                            {t('kits.delete')}
                          </button>
                        </div>
                      )
                    : undefined
                }
              />
            )}
          </LoadState>
        )}
      </LoadState>
    </PageFrame>
  );
}

function KitTable({
  kits,
  catalog,
  agencies,
  language,
  t,
  actions,
}: {
  kits: Kit[];
  catalog: Catalog;
  agencies: Agency[];
  language: Language;
  t: Translate;
  actions: ((kit: Kit) => ReactNode) | undefined;
}) {
  const nameOf = useMemo(
    () => namesById(agencies, (agency) => agencyName(agency, language)),
    [agencies, language],
  );
  const leadText = (lead: KitItem['lead']) => {
    if (lead === 'each_agency') return t('kits.leadEachAgencyShort');
    if (lead === 'each_unit_committee') return t('kits.leadEachUnitShort');
    return nameOf(lead.agencyId);
  };
  const typeName = (code: string) => {
    const type = catalog.activityTypes.find((entry) => entry.code === code);
    return type ? entryName(type, language) : code;
  };
  return (
    <RecordTable<Kit>
      label={t('kits.list')}
      rows={kits}
      rowKey={(kit) => kit.id}
      empty={t('kits.none')}
      actions={actions}
      columns={[
        { label: t('kits.name'), cell: (kit) => kit.name },
        { label: t('kits.anchor'), cell: (kit) => anchorText(kit.anchor, catalog, language, t) },
        {
          label: t('kits.items'),
          cell: (kit) => (
            <details className="kit-items">
              <summary>{t('kits.itemCount', { count: kit.items.length })}</summary>
              <ol className="kit-items__list">
                {kit.items.map((item, index) => (
                  // Items have no id of their own: their place in the kit is theirs.
                  // biome-ignore lint/suspicious/noArrayIndexKey: the list is shown, never reordered here
                  <li key={index}>
                    <strong>{item.title}</strong>{' '}
                    <span className="muted">
                      · {typeName(item.typeCode)} ·{' '}
                      {t('kits.when', {
                        offset: offsetText(item.offsetDays, t),
                        duration: item.durationDays,
                      })}{' '}
                      · {leadText(item.lead)}
                    </span>
                  </li>
                ))}
              </ol>
            </details>
          ),
        },
      ]}
    />
  );
}
