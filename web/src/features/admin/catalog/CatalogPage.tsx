// The catalogue (activity types, channels, target groups, indicators, observances): a tab
// a kind, each with its table and a form of its own, and an observance's yearly themes.
import { useCallback, useState } from 'react';
import { type Catalog, type CatalogKind, getCatalog } from '../../../api/catalog';
import { useAdminList } from '../../../components/RecordList';
import { AdminPage, LoadState } from '../../../components/records';
import { Tabs } from '../../../components/Tabs';
import { useT } from '../../../i18n/context';
import { EntryForm } from './EntryForm';
import { CatalogTable } from './EntryTable';
import { countOf, type Editing, kinds, tabLabels } from './kinds';
import { ThemesDialog } from './ThemesDialog';

export function CatalogPage() {
  const t = useT();
  const [kind, setKind] = useState<CatalogKind>('activity-types');
  // The observance whose themes are open, by its code: the dialog follows the reloaded catalogue.
  const [themesOf, setThemesOf] = useState<string | null>(null);
  const load = useCallback((signal: AbortSignal) => getCatalog(signal), []);
  const list = useAdminList<Catalog, Editing>(['admin-catalog'], load);
  const { data, editing } = list;

  const observance = themesOf ? data?.observances.find((entry) => entry.code === themesOf) : undefined;

  return (
    <AdminPage title={t('admin.catalog')} notice={list.notice}>
      <LoadState loaded={list} failedTitle={t('catalog.loadFailed')}>
        {(catalog) => (
          <Tabs
            label={t('admin.catalog')}
            tabs={kinds.map((id) => ({ id, label: t(tabLabels[id]) }))}
            selected={kind}
            onSelect={setKind}
          >
            <div className="page__head page__head--sub">
              <p className="table__caption">{t('catalog.count', { count: countOf(catalog, kind) })}</p>
              <button type="button" className="button" onClick={() => list.setEditing({ kind, entry: null })}>
                {t('catalog.create')}
              </button>
            </div>
            <CatalogTable kind={kind} catalog={catalog} onEdit={list.setEditing} onThemes={setThemesOf} />
          </Tabs>
        )}
      </LoadState>

      {data && editing ? (
        <EntryForm
          editing={editing}
          catalog={data}
          onClose={list.close}
          onSaved={(saved) =>
            list.done(t(editing.entry ? 'common.savedOne' : 'common.createdOne', { name: saved.name }))
          }
        />
      ) : null}
      {observance ? (
        <ThemesDialog
          observance={observance}
          onClose={() => setThemesOf(null)}
          onSaved={(year) => {
            list.setNotice(t('catalog.themeSaved', { year, name: observance.name }));
            list.reload();
          }}
        />
      ) : null}
    </AdminPage>
  );
}
