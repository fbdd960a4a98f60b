import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { type Agency, listAgencies } from '../../api/agencies';
import { type Role, roles } from '../../api/auth';
import { listUnits, type Unit } from '../../api/units';
import { createUser, listUsers, type User, type UserPatch, updateUser } from '../../api/users';
import { can } from '../../app/permissions';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  type FieldErrors,
  FormErrors,
  MultiPicker,
  normaliseSearch,
  SelectField,
  splitErrors,
  TextField,
  useFocusOnInvalid,
} from '../../components/form';
import { TableRegion } from '../../components/Table';
import { useLoad } from '../../components/useLoad';
import { useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { AdminPage, agencyOptions, ConfirmDialog, FormActions, Loading } from './common';
import { agencyName, byName, namesById, validOn } from './names';

type Reference = { users: User[]; agencies: Agency[]; units: Unit[] };

type Editing =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'password'; user: User }
  | { kind: 'disable'; user: User };

/** Roles bound to an agency (DESIGN §4); a unit reporter is also bound to units. */
const needsAgency = (role: Role) => role === 'agency_editor' || role === 'unit_reporter';

export function UsersPage({ role }: { role: Role }) {
  const t = useT();
  const [language] = useLanguage();
  const me = useUser();
  const writable = can.writeUsers(role);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [roleFilter, setRoleFilter] = useState<Role | ''>('');

  const load = useCallback(async (signal: AbortSignal): Promise<Reference> => {
    const [users, agencies, units] = await Promise.all([
      listUsers(signal),
      listAgencies({ signal }),
      listUnits({ signal }),
    ]);
    return { users, agencies, units };
  }, []);
  const { data, error, loading, reload } = useLoad(load);

  const agencyOf = useMemo(
    () => namesById(data?.agencies ?? [], (agency) => agencyName(agency, language)),
    [data, language],
  );
  const unitOf = useMemo(() => namesById(data?.units ?? [], (unit) => unit.name), [data]);

  const shown = useMemo(() => {
    const needle = normaliseSearch(search);
    return (data?.users ?? []).filter(
      (user) =>
        (!roleFilter || user.role === roleFilter) &&
        (!needle ||
          normaliseSearch(`${user.username} ${user.displayName} ${agencyOf(user.agencyId)}`).includes(
            needle,
          )),
    );
  }, [data, search, roleFilter, agencyOf]);

  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    reload();
  };

  return (
    <AdminPage
      title={t('admin.users')}
      notice={notice}
      actions={
        writable ? (
          <button type="button" className="button" onClick={() => setEditing({ kind: 'create' })}>
            {t('users.create')}
          </button>
        ) : null
      }
    >
      {!writable ? <p className="page__intro">{t('users.readOnly')}</p> : null}
      <div className="filters">
        <TextField label={t('common.search')} type="search" value={search} onChange={setSearch} />
        <SelectField
          label={t('users.role')}
          value={roleFilter}
          onChange={(value) => setRoleFilter(value as Role | '')}
        >
          <option value="">{t('common.all')}</option>
          {roles.map((option) => (
            <option key={option} value={option}>
              {t(`role.${option}`)}
            </option>
          ))}
        </SelectField>
      </div>

      {error ? <ErrorAlert title={t('users.loadFailed')} error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading /> : null}

      {data ? (
        <TableRegion label={t('users.list')}>
          <table className="table table--stack">
            <caption className="table__caption">
              {t('common.count', { shown: shown.length, total: data.users.length })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('users.displayName')}</th>
                <th scope="col">{t('users.username')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.agency')}</th>
                <th scope="col">{t('users.units')}</th>
                <th scope="col">{t('users.status')}</th>
                {writable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((user) => (
                <tr key={user.id} className={user.disabled ? 'table__row--muted' : undefined}>
                  <th scope="row">{user.displayName}</th>
                  <td data-label={t('users.username')}>{user.username}</td>
                  <td data-label={t('users.role')}>{t(`role.${user.role}`)}</td>
                  <td data-label={t('users.agency')}>{agencyOf(user.agencyId)}</td>
                  <td data-label={t('users.units')}>{user.unitIds.map(unitOf).join(', ')}</td>
                  <td data-label={t('users.status')}>
                    <span className={user.disabled ? 'badge badge--off' : 'badge badge--on'}>
                      {user.disabled ? t('users.disabled') : t('users.active')}
                    </span>
                  </td>
                  {writable ? (
                    <td className="table__actions">
                      <div className="row-actions">
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          aria-label={t('users.editOne', { name: user.displayName })}
                          onClick={() => setEditing({ kind: 'edit', user })}
                        >
                          {t('common.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          aria-label={t('users.resetOne', { name: user.displayName })}
                          onClick={() => setEditing({ kind: 'password', user })}
                        >
                          {t('users.reset')}
                        </button>
                        {user.id === me.id ? null : user.disabled ? (
                          <EnableButton
                            user={user}
                            onDone={() => done(t('users.enabled', { name: user.displayName }))}
                          />
                        ) : (
                          <button
                            type="button"
                            className="button button--small button--danger"
                            aria-label={t('users.disableOne', { name: user.displayName })}
                            onClick={() => setEditing({ kind: 'disable', user })}
                          >
                            {t('users.disable')}
                          </button>
                        )}
                      </div>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          {shown.length === 0 ? <p className="table__empty">{t('common.noMatch')}</p> : null}
        </TableRegion>
      ) : null}

      {data && editing?.kind === 'create' ? (
        <UserForm
          reference={data}
          user={null}
          onClose={() => setEditing(null)}
          onSaved={(user) => done(t('users.created', { name: user.displayName }))}
        />
      ) : null}
      {data && editing?.kind === 'edit' ? (
        <UserForm
          reference={data}
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={(user) => done(t('users.saved', { name: user.displayName }))}
        />
      ) : null}
      {editing?.kind === 'password' ? (
        <PasswordForm
          user={editing.user}
          onClose={() => setEditing(null)}
          onSaved={() => done(t('users.resetDone', { name: editing.user.displayName }))}
        />
      ) : null}
      {editing?.kind === 'disable' ? (
        <ConfirmDialog
          title={t('users.disableTitle', { name: editing.user.displayName })}
          message={t('users.disableMessage')}
          confirmLabel={t('users.disable')}
          onClose={() => setEditing(null)}
          onConfirm={async () => {
            await updateUser(editing.user.id, editing.user.version, { disabled: true });
            done(t('users.disabledDone', { name: editing.user.displayName }));
          }}
        />
      ) : null}
    </AdminPage>
  );
}

/** Enabling again needs no question: it only gives back what was taken. */
function EnableButton({ user, onDone }: { user: User; onDone: () => void }) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        aria-label={t('users.enableOne', { name: user.displayName })}
        onClick={() => updateUser(user.id, user.version, { disabled: false }).then(onDone, setError)}
      >
        {t('users.enable')}
      </button>
      {error ? <ErrorAlert title={t('users.enableFailed')} error={error} /> : null}
    </>
  );
}

const userFields = ['username', 'displayName', 'role', 'agencyId', 'unitIds', 'password'] as const;

function UserForm({
  reference,
  user,
  onClose,
  onSaved,
}: {
  reference: Reference;
  user: User | null;
  onClose: () => void;
  onSaved: (user: User) => void;
}) {
  const t = useT();
  const [language] = useLanguage();
  const timeZone = useTimeZone();
  const me = useUser();
  const today = todayIn(timeZone);
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'viewer');
  const [agencyId, setAgencyId] = useState(user?.agencyId ? String(user.agencyId) : '');
  const [unitIds, setUnitIds] = useState<number[]>(user?.unitIds ?? []);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { form, refused } = useFocusOnInvalid();
  const [ownErrors, setOwnErrors] = useState<FieldErrors>({});
  const { byField, general } = splitErrors(error, userFields, t);
  const errors = { ...byField, ...ownErrors };
  const self = user?.id === me.id;

  const unitOptions = useMemo(() => {
    const parentOf = namesById(reference.units, (unit) => unit.name);
    return reference.units
      .filter((unit) => unitIds.includes(unit.id) || validOn(unit, today))
      .sort((a, b) => a.tier - b.tier || byName(a, b))
      .map((unit) => ({
        value: unit.id,
        label: unit.name,
        detail: unit.parentId ? parentOf(unit.parentId) : undefined,
      }));
  }, [reference.units, unitIds, today]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    // Said here at once; the server says the same, but only after a round trip.
    const missing: FieldErrors = {};
    if (needsAgency(role) && !agencyId) missing.agencyId = t('users.agencyNeeded');
    if (role === 'unit_reporter' && unitIds.length === 0) missing.unitIds = t('users.unitsNeeded');
    setOwnErrors(missing);
    if (Object.keys(missing).length > 0) {
      refused();
      return;
    }

    // Units only mean something for a unit reporter: another role keeps none.
    const scopeUnits = role === 'unit_reporter' ? unitIds : [];
    const scopeAgency = agencyId ? Number(agencyId) : null;
    setBusy(true);
    try {
      if (user === null) {
        onSaved(
          await createUser({
            username: username.trim(),
            displayName: displayName.trim(),
            role,
            agencyId: scopeAgency,
            unitIds: scopeUnits,
            password,
          }),
        );
      } else {
        // Only what changed: the server refuses, for one's own account, even an unchanged role.
        const patch: Omit<UserPatch, 'version'> = {};
        if (username.trim() !== user.username) patch.username = username.trim();
        if (displayName.trim() !== user.displayName) patch.displayName = displayName.trim();
        if (role !== user.role) patch.role = role;
        if (scopeAgency !== user.agencyId) patch.agencyId = scopeAgency;
        if (scopeUnits.join(',') !== user.unitIds.join(',')) patch.unitIds = scopeUnits;
        onSaved(Object.keys(patch).length > 0 ? await updateUser(user.id, user.version, patch) : user);
      }
    } catch (failure) {
      setError(failure);
      refused();
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      onClose={onClose}
      wide
    >
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <FormErrors messages={general} />
        <div className="form__grid">
          <TextField
            label={t('users.username')}
            value={username}
            onChange={setUsername}
            error={errors.username}
            hint={t('users.usernameHint')}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            required
          />
          <TextField
            label={t('users.displayName')}
            value={displayName}
            onChange={setDisplayName}
            error={errors.displayName}
            autoComplete="off"
            required
          />
          <SelectField
            label={t('users.role')}
            value={role}
            onChange={(value) => setRole(value as Role)}
            error={errors.role}
            hint={self ? t('users.ownRole') : t(`roleHint.${role}`)}
            disabled={self}
            required
          >
            {roles.map((option) => (
              <option key={option} value={option}>
                {t(`role.${option}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('users.agency')}
            value={agencyId}
            onChange={setAgencyId}
            error={errors.agencyId}
            hint={needsAgency(role) ? undefined : t('users.agencyOptional')}
            required={needsAgency(role)}
          >
            <option value="">{t('users.noAgency')}</option>
            {agencyOptions(reference.agencies, today, user?.agencyId ?? null, language, t)}
          </SelectField>
          {user === null ? (
            <TextField
              label={t('users.password')}
              type="password"
              value={password}
              onChange={setPassword}
              error={errors.password}
              hint={t('users.passwordHint')}
              autoComplete="new-password"
              required
            />
          ) : null}
        </div>
        {role === 'unit_reporter' ? (
          <MultiPicker
            label={t('users.units')}
            options={unitOptions}
            selected={unitIds}
            onChange={setUnitIds}
            error={errors.unitIds}
            hint={t('users.unitsHint')}
          />
        ) : null}
        <FormActions busy={busy} onCancel={onClose} saveLabel={user ? undefined : t('users.createSubmit')} />
      </form>
    </Dialog>
  );
}

function PasswordForm({ user, onClose, onSaved }: { user: User; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { form, refused } = useFocusOnInvalid();
  const [mismatch, setMismatch] = useState(false);
  const { byField, general } = splitErrors(error, ['password'], t);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setMismatch(password !== repeat);
    if (password !== repeat) {
      refused();
      return;
    }
    setBusy(true);
    try {
      await updateUser(user.id, user.version, { password });
      onSaved();
    } catch (failure) {
      setError(failure);
      refused();
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('users.resetTitle', { name: user.displayName })} onClose={onClose}>
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <p className="form__intro">{t('users.resetIntro')}</p>
        <FormErrors messages={general} />
        <TextField
          label={t('users.newPassword')}
          type="password"
          value={password}
          onChange={setPassword}
          error={byField.password}
          hint={t('users.passwordHint')}
          autoComplete="new-password"
          required
        />
        <TextField
          label={t('users.repeatPassword')}
          type="password"
          value={repeat}
          onChange={setRepeat}
          error={mismatch ? t('users.passwordMismatch') : undefined}
          autoComplete="new-password"
          required
        />
        <FormActions busy={busy} onCancel={onClose} saveLabel={t('users.resetSubmit')} />
      </form>
    </Dialog>
  );
}
