import { useCallback, useMemo, useState } from 'react';
import { type AuditFilter, listAudit } from '../../api/audit';
import { listUsers } from '../../api/users';
import { DateField, readDay, SelectField } from '../../components/form';
import { AdminPage, LoadState } from '../../components/records';
import { useT } from '../../i18n/context';
import { byName, namesById } from '../../lib/names';
import { useLoad } from '../../lib/useLoad';
import { AuditTable, entityTypeKeys } from '../audit/AuditRows';

const pageSize = 50;

export function AuditPage() {
  const t = useT();
  const [entityType, setEntityType] = useState('');
  const [userId, setUserId] = useState('');
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [offset, setOffset] = useState(0);

  // A half-typed date does not filter yet; the field says what is wrong with it.
  const from = readDay(fromText) ?? undefined;
  const to = readDay(toText) ?? undefined;
  const filter = useMemo<AuditFilter>(
    () => ({
      entityType: entityType || undefined,
      userId: userId ? Number(userId) : undefined,
      from,
      to,
      limit: pageSize,
      offset,
    }),
    [entityType, userId, from, to, offset],
  );

  const loadUsers = useCallback((signal: AbortSignal) => listUsers(signal), []);
  const users = useLoad(['users'], loadUsers);
  const loadAudit = useCallback((signal: AbortSignal) => listAudit(filter, signal), [filter]);
  const audit = useLoad(['audit', filter], loadAudit);

  const userName = useMemo(() => namesById(users.data ?? [], (user) => user.displayName), [users.data]);

  // Any change of filter starts again from the newest rows.
  const filterBy =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setOffset(0);
    };

  return (
    <AdminPage title={t('admin.audit')}>
      <div className="filters">
        <SelectField label={t('audit.entityType')} value={entityType} onChange={filterBy(setEntityType)}>
          <option value="">{t('common.all')}</option>
          {Object.entries(entityTypeKeys).map(([type, key]) => (
            <option key={type} value={type}>
              {t(key)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('audit.user')} value={userId} onChange={filterBy(setUserId)}>
          <option value="">{t('common.all')}</option>
          {[...(users.data ?? [])]
            .map((user) => ({ ...user, name: user.displayName }))
            .sort(byName)
            .map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName} ({user.username})
              </option>
            ))}
        </SelectField>
        <DateField checkOnBlur label={t('audit.from')} value={fromText} onChange={filterBy(setFromText)} />
        <DateField checkOnBlur label={t('audit.to')} value={toText} onChange={filterBy(setToText)} />
      </div>

      <LoadState loaded={audit} failedTitle={t('audit.loadFailed')}>
        {(page) => (
          <>
            <AuditTable
              label={t('audit.list')}
              caption={
                page.total === 0
                  ? t('audit.none')
                  : t('audit.range', {
                      first: page.offset + 1,
                      last: page.offset + page.items.length,
                      total: page.total,
                    })
              }
              entries={page.items}
              userName={userName}
            />
            <div className="pager">
              <button
                type="button"
                className="button button--secondary"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - pageSize))}
              >
                {t('audit.newer')}
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={page.offset + page.items.length >= page.total}
                onClick={() => setOffset(offset + pageSize)}
              >
                {t('audit.older')}
              </button>
            </div>
          </>
        )}
      </LoadState>
    </AdminPage>
  );
}
