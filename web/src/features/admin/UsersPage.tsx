import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { z } from 'zod';
import { UserInput, UserPatch } from '../../../../server/contracts/users';
import { type Agency, listAgencies } from '../../api/agencies';
import { type Role, roles } from '../../api/auth';
import { listUnits, type Unit } from '../../api/units';
import { createUser, listUsers, type User, updateUser } from '../../api/users';
import { can } from '../../app/permissions';
import { useUser } from '../../app/session';
import { useTimeZone } from '../../app/timeZone';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MultiPicker, SelectField, saveRecord, TextField } from '../../components/form';
import { EditorDialog } from '../../components/RecordEditor';
import { EditButton, RowButton, SearchableList, searchRows, useAdminList } from '../../components/RecordList';
import { AdminPage, agencyOptions, ConfirmDialog } from '../../components/records';
import { useRecordForm } from '../../components/useRecordForm';
import { type Translate, useLanguage, useT } from '../../i18n/context';
import { todayIn } from '../../i18n/dates';
import { chosenId, intoContract, typedText } from '../../lib/form-values';
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
  // The question's dialog shows a refusal itself (mutateAsync rejects to it).
  const disable = useMutation({
    mutationFn: (user: User) => updateUser(user.id, user.version, { disabled: true }),
    onSuccess: (_, user) => done(t('users.disabledDone', { name: user.displayName })),
  });

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
            await disable.mutateAsync(editing.user);
          }}
        />
      ) : null}
    </AdminPage>
  );
}

/** Enabling again needs no question: it only gives back what was taken. */
function EnableButton({ user, onDone }: { user: User; onDone: () => void }) {
  const t = useT();
  const enable = useMutation({
    mutationFn: () => updateUser(user.id, user.version, { disabled: false }),
    onSuccess: onDone,
  });
  return (
    <>
      <RowButton label={t('users.enableOne', { name: user.displayName })} onClick={() => enable.mutate()}>
        {t('users.enable')}
      </RowButton>
      {enable.error ? <ErrorAlert title={t('users.enableFailed')} error={enable.error} /> : null}
    </>
  );
}

const userFields = ['username', 'displayName', 'role', 'agencyId', 'unitIds', 'password'] as const;

/**
 * The role's two needs, said by the page in its own words as soon as the form is saved: the
 * server says the same, but only after a round trip. Its words follow the reader's language,
 * hence a check made of `t` rather than a module-level schema.
 */
function checkRole(t: Translate) {
  return (values: { role: Role; agencyId: number | null; unitIds: number[] }, context: z.RefinementCtx) => {
    if (needsAgency(values.role) && values.agencyId === null)
      context.addIssue({ code: 'custom', path: ['agencyId'], message: t('users.agencyNeeded') });
    if (values.role === 'unit_reporter' && values.unitIds.length === 0)
      context.addIssue({ code: 'custom', path: ['unitIds'], message: t('users.unitsNeeded') });
  };
}

/**
 * A change sends no password (an administrator resets it in its own form): the contract's
 * UserInput with its password optional. A new user's form always holds one (its field starts
 * empty), which the contract's Password checks.
 */
const UserRecord = UserInput.partial({ password: true });

/** The user form's fields, as typed, checked by the role's needs and then by the contract. */
function userValues(t: Translate) {
  return intoContract(
    z
      .object({
        username: typedText,
        displayName: typedText,
        role: z.enum(roles),
        agencyId: chosenId,
        unitIds: z.array(z.number()),
        password: z.string().optional(),
      })
      .superRefine(checkRole(t))
      // Units only mean something for a unit reporter: another role keeps none.
      .transform((values) => ({ ...values, unitIds: values.role === 'unit_reporter' ? values.unitIds : [] })),
    UserRecord,
  );
}

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
  const schema = useMemo(() => userValues(t), [t]);
  const editor = useRecordForm({
    schema,
    defaultValues: {
      username: user?.username ?? '',
      displayName: user?.displayName ?? '',
      role: user?.role ?? 'viewer',
      agencyId: user?.agencyId ? String(user.agencyId) : '',
      unitIds: user?.unitIds ?? [],
      password: user ? undefined : '',
    },
    fields: userFields,
    // A new user's password goes with the creation (a change holds none); a change sends only
    // what changed: the server refuses, for one's own account, even an unchanged role.
    save: ({ password = '', ...values }) =>
      saveRecord(user, values, (input) => createUser({ ...input, password }), updateUser),
    onSaved,
  });
  const { bind } = editor;
  const { role, unitIds } = editor.values;
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

  return (
    <EditorDialog
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      editor={editor}
      onSubmit={editor.submit}
      onClose={onClose}
      saveLabel={user ? undefined : t('users.createSubmit')}
    >
      <div className="form__grid">
        <TextField
          label={t('users.username')}
          {...bind('username')}
          hint={t('users.usernameHint')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField label={t('users.displayName')} {...bind('displayName')} autoComplete="off" required />
        <SelectField
          label={t('users.role')}
          {...bind('role')}
          onChange={(value) => bind('role').onChange(value as Role)}
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
          {...bind('agencyId')}
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
            {...bind('password')}
            value={bind('password').value ?? ''}
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
          {...bind('unitIds')}
          selected={unitIds}
          hint={t('users.unitsHint')}
        />
      ) : null}
    </EditorDialog>
  );
}

/** The new password twice, the same both times (the page's own check), then the contract's. */
function passwordValues(t: Translate) {
  return intoContract(
    z
      .object({ password: z.string(), repeat: z.string() })
      .refine((values) => values.password === values.repeat, {
        path: ['repeat'],
        message: t('users.passwordMismatch'),
      })
      .transform(({ password }) => ({ password })),
    UserPatch,
  );
}

function PasswordForm({ user, onClose, onSaved }: { user: User; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const schema = useMemo(() => passwordValues(t), [t]);
  const editor = useRecordForm({
    schema,
    defaultValues: { password: '', repeat: '' },
    fields: ['password', 'repeat'],
    save: (values) => updateUser(user.id, user.version, values),
    onSaved,
  });

  return (
    <EditorDialog
      title={t('users.resetTitle', { name: user.displayName })}
      editor={editor}
      onSubmit={editor.submit}
      onClose={onClose}
      intro={t('users.resetIntro')}
      saveLabel={t('users.resetSubmit')}
      wide={false}
    >
      <TextField
        label={t('users.newPassword')}
        type="password"
        {...editor.bind('password')}
        hint={t('users.passwordHint')}
        autoComplete="new-password"
        required
      />
      <TextField
        label={t('users.repeatPassword')}
        type="password"
        {...editor.bind('repeat')}
        autoComplete="new-password"
        required
      />
    </EditorDialog>
  );
}
