import { useCallback, useMemo, useState } from 'react';
import { type Agency, listAgencies } from '../../api/agencies';
import { type Role, roles } from '../../api/auth';
import { listUnits, type Unit } from '../../api/units';
import { createUser, listUsers, type User, updateUser } from '../../api/users';
import { can } from '../../app/permissions';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type FieldErrors, MultiPicker, SelectField, saveRecord, TextField } from '../../components/form';
import { EditorDialog, useEditor } from '../../components/RecordEditor';
import { EditButton, RowButton, SearchableList, searchRows, useAdminList } from '../../components/RecordList';
import { AdminPage, agencyOptions, ConfirmDialog } from '../../components/records';
import { useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { agencyName, byName, namesById, validOn } from '../../lib/names';

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
  const [roleFilter, setRoleFilter] = useState<Role | ''>('');

  const load = useCallback(async (signal: AbortSignal): Promise<Reference> => {
    const [users, agencies, units] = await Promise.all([
      listUsers(signal),
      listAgencies({ signal }),
      listUnits({ signal }),
    ]);
    return { users, agencies, units };
  }, []);
  const list = useAdminList<Reference, Editing>(['admin-users'], load);
  const { data, search, editing, done } = list;

  const agencyOf = useMemo(
    () => namesById(data?.agencies ?? [], (agency) => agencyName(agency, language)),
    [data, language],
  );
  const unitOf = useMemo(() => namesById(data?.units ?? [], (unit) => unit.name), [data]);

  const shown = useMemo(
    () =>
      searchRows(
        (data?.users ?? []).filter((user) => !roleFilter || user.role === roleFilter),
        search,
        (user) => `${user.username} ${user.displayName} ${agencyOf(user.agencyId)}`,
      ),
    [data, search, roleFilter, agencyOf],
  );

  return (
    <AdminPage
      title={t('admin.users')}
      notice={list.notice}
      actions={
        writable ? (
          <button type="button" className="button" onClick={() => list.setEditing({ kind: 'create' })}>
            {t('users.create')}
          </button>
        ) : null
      }
    >
      {!writable ? <p className="page__intro">{t('users.readOnly')}</p> : null}
      <SearchableList
        list={list}
        filters={
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
        }
        failedTitle={t('users.loadFailed')}
        total={(reference) => reference.users.length}
        label={t('users.list')}
        rows={shown}
        rowKey={(user) => user.id}
        rowClassName={(user) => (user.disabled ? 'table__row--muted' : undefined)}
        columns={[
          { label: t('users.displayName'), cell: (user) => user.displayName },
          { label: t('users.username'), cell: (user) => user.username },
          { label: t('users.role'), cell: (user) => t(`role.${user.role}`) },
          { label: t('users.agency'), cell: (user) => agencyOf(user.agencyId) },
          { label: t('users.units'), cell: (user) => user.unitIds.map(unitOf).join(', ') },
          {
            label: t('users.status'),
            cell: (user) => (
              <span className={user.disabled ? 'badge badge--off' : 'badge badge--on'}>
                {user.disabled ? t('users.disabled') : t('users.active')}
              </span>
            ),
          },
        ]}
        actions={
          writable
            ? (user) => (
                <div className="row-actions">
                  <EditButton
                    label={t('users.editOne', { name: user.displayName })}
                    onClick={() => list.setEditing({ kind: 'edit', user })}
                  />
                  <RowButton
                    label={t('users.resetOne', { name: user.displayName })}
                    onClick={() => list.setEditing({ kind: 'password', user })}
                  >
                    {t('users.reset')}
                  </RowButton>
                  {user.id === me.id ? null : user.disabled ? (
                    <EnableButton
                      user={user}
                      onDone={() => done(t('users.enabled', { name: user.displayName }))}
                    />
                  ) : (
                    <RowButton
                      danger
                      label={t('users.disableOne', { name: user.displayName })}
                      onClick={() => list.setEditing({ kind: 'disable', user })}
                    >
                      {t('users.disable')}
                    </RowButton>
                  )}
                </div>
              )
            : undefined
        }
      />

      {data && editing?.kind === 'create' ? (
        <UserForm
          reference={data}
          user={null}
          onClose={list.close}
          onSaved={(user) => done(t('users.created', { name: user.displayName }))}
        />
      ) : null}
      {data && editing?.kind === 'edit' ? (
        <UserForm
          reference={data}
          user={editing.user}
          onClose={list.close}
          onSaved={(user) => done(t('users.saved', { name: user.displayName }))}
        />
      ) : null}
      {editing?.kind === 'password' ? (
        <PasswordForm
          user={editing.user}
          onClose={list.close}
          onSaved={() => done(t('users.resetDone', { name: editing.user.displayName }))}
        />
      ) : null}
      {editing?.kind === 'disable' ? (
        <ConfirmDialog
          title={t('users.disableTitle', { name: editing.user.displayName })}
          message={t('users.disableMessage')}
          confirmLabel={t('users.disable')}
          onClose={list.close}
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
      <RowButton
        label={t('users.enableOne', { name: user.displayName })}
        onClick={() => updateUser(user.id, user.version, { disabled: false }).then(onDone, setError)}
      >
        {t('users.enable')}
      </RowButton>
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
  const editor = useEditor(userFields);
  const { errors } = editor;
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

  const submit = editor.submit(() => {
    // Said here at once; the server says the same, but only after a round trip.
    const missing: FieldErrors = {};
    if (needsAgency(role) && !agencyId) missing.agencyId = t('users.agencyNeeded');
    if (role === 'unit_reporter' && unitIds.length === 0) missing.unitIds = t('users.unitsNeeded');
    if (Object.keys(missing).length > 0) return missing;

    const values = {
      username: username.trim(),
      displayName: displayName.trim(),
      role,
      agencyId: agencyId ? Number(agencyId) : null,
      // Units only mean something for a unit reporter: another role keeps none.
      unitIds: role === 'unit_reporter' ? unitIds : [],
    };
    // Only what changed: the server refuses, for one's own account, even an unchanged role.
    return async () =>
      onSaved(await saveRecord(user, values, (input) => createUser({ ...input, password }), updateUser));
  });

  return (
    <EditorDialog
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      editor={editor}
      onSubmit={submit}
      onClose={onClose}
      saveLabel={user ? undefined : t('users.createSubmit')}
    >
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
    </EditorDialog>
  );
}

function PasswordForm({ user, onClose, onSaved }: { user: User; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const editor = useEditor(['password']);

  const submit = editor.submit(() => {
    if (password !== repeat) return { repeat: t('users.passwordMismatch') };
    return async () => {
      await updateUser(user.id, user.version, { password });
      onSaved();
    };
  });

  return (
    <EditorDialog
      title={t('users.resetTitle', { name: user.displayName })}
      editor={editor}
      onSubmit={submit}
      onClose={onClose}
      intro={t('users.resetIntro')}
      saveLabel={t('users.resetSubmit')}
      wide={false}
    >
      <TextField
        label={t('users.newPassword')}
        type="password"
        value={password}
        onChange={setPassword}
        error={editor.errors.password}
        hint={t('users.passwordHint')}
        autoComplete="new-password"
        required
      />
      <TextField
        label={t('users.repeatPassword')}
        type="password"
        value={repeat}
        onChange={setRepeat}
        error={editor.errors.repeat}
        autoComplete="new-password"
        required
      />
    </EditorDialog>
  );
}
