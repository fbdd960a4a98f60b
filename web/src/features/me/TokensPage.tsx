// The signed-in user's personal access tokens: for a script that calls the API in their
// name (`Authorization: Bearer …`), or for the calendar feed. A new token's secret is
// shown once, right after it is made; afterwards only its name and use are listed.
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import {
  createMyToken,
  listMyTokens,
  type NewToken,
  revokeMyToken,
  type Token,
  type TokenKind,
  tokenKinds,
} from '../../api/tokens';
import { useTimeZone } from '../../app/timeZone';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormErrors, SelectField, splitErrors, TextField, useFocusOnInvalid } from '../../components/form';
import { SecretBox } from '../../components/SecretBox';
import { TableRegion } from '../../components/Table';
import { useLoad } from '../../components/useLoad';
import { useT } from '../../i18n/context';
import { formatInstant } from '../../i18n/dates';
import { AdminPage, ConfirmDialog, FormActions, Loading } from '../admin/common';

type Editing = { kind: 'create' } | { kind: 'revoke'; token: Token };

export function TokensPage() {
  const t = useT();
  const timeZone = useTimeZone();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [created, setCreated] = useState<NewToken | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback((signal: AbortSignal) => listMyTokens(signal), []);
  const { data, error, loading, reload } = useLoad(load);
  // The newest first: the one just made is at the top, next to its secret.
  const tokens = useMemo(() => [...(data ?? [])].reverse(), [data]);

  return (
    <AdminPage
      title={t('tokens.title')}
      notice={notice}
      actions={
        <button type="button" className="button" onClick={() => setEditing({ kind: 'create' })}>
          {t('tokens.create')}
        </button>
      }
    >
      <p className="page__intro">{t('tokens.intro')}</p>

      {created ? (
        <SecretBox
          title={t('tokens.newTitle', { name: created.name })}
          label={t('tokens.secret')}
          value={created.secret}
          warning={t('tokens.once')}
          onDismiss={() => setCreated(null)}
        >
          <TokenUsage kind={created.kind} secret={created.secret} />
        </SecretBox>
      ) : null}

      {error ? <ErrorAlert title={t('tokens.loadFailed')} error={error} onRetry={reload} /> : null}
      {loading && !data ? <Loading /> : null}

      {data ? (
        <TableRegion label={t('tokens.list')}>
          <table className="table table--stack">
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.kind')}</th>
                <th scope="col">{t('tokens.createdAt')}</th>
                <th scope="col">{t('tokens.lastUsedAt')}</th>
                <th scope="col">{t('tokens.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className={token.revokedAt ? 'table__row--muted' : undefined}>
                  <th scope="row">{token.name}</th>
                  <td data-label={t('tokens.kind')}>{t(`tokenKind.${token.kind}`)}</td>
                  <td data-label={t('tokens.createdAt')}>{formatInstant(token.createdAt, timeZone)}</td>
                  <td data-label={t('tokens.lastUsedAt')}>
                    {token.lastUsedAt ? (
                      formatInstant(token.lastUsedAt, timeZone)
                    ) : (
                      <span className="muted">{t('tokens.neverUsed')}</span>
                    )}
                  </td>
                  <td data-label={t('tokens.status')}>
                    {token.revokedAt ? (
                      <span className="badge badge--off">
                        {t('tokens.revokedOn', { at: formatInstant(token.revokedAt, timeZone) })}
                      </span>
                    ) : (
                      <span className="badge badge--on">{t('tokens.active')}</span>
                    )}
                  </td>
                  <td className="table__actions">
                    {token.revokedAt ? null : (
                      <button
                        type="button"
                        className="button button--small button--danger"
                        aria-label={t('tokens.revokeOne', { name: token.name })}
                        onClick={() => setEditing({ kind: 'revoke', token })}
                      >
                        {t('tokens.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {tokens.length === 0 ? <p className="table__empty">{t('tokens.none')}</p> : null}
        </TableRegion>
      ) : null}

      {editing?.kind === 'create' ? (
        <TokenForm
          onClose={() => setEditing(null)}
          onSaved={(token) => {
            setEditing(null);
            setCreated(token);
            setNotice(null);
            reload();
          }}
        />
      ) : null}
      {editing?.kind === 'revoke' ? (
        <ConfirmDialog
          title={t('tokens.revokeTitle', { name: editing.token.name })}
          message={t('tokens.revokeMessage')}
          confirmLabel={t('tokens.revoke')}
          onClose={() => setEditing(null)}
          onConfirm={async () => {
            await revokeMyToken(editing.token.id);
            // A secret still on screen is of no use any more once its token is revoked.
            if (created?.id === editing.token.id) setCreated(null);
            setEditing(null);
            setNotice(t('tokens.revoked', { name: editing.token.name }));
            reload();
          }}
        />
      ) : null}
    </AdminPage>
  );
}

/** How the new token is used, with the token itself in the example. */
function TokenUsage({ kind, secret }: { kind: TokenKind; secret: string }) {
  const t = useT();
  if (kind === 'feed') {
    return (
      <div className="secret-box__usage">
        <p>{t('tokens.feedUsage')}</p>
        <pre className="code-block">
          <code>{`${window.location.origin}/api/calendar.ics?token=${secret}`}</code>
        </pre>
      </div>
    );
  }
  return (
    <div className="secret-box__usage">
      <p>{t('tokens.apiUsage')}</p>
      <pre className="code-block">
        <code>{`Authorization: Bearer ${secret}`}</code>
      </pre>
      <p>{t('tokens.apiExample')}</p>
      <pre className="code-block">
        <code>{`curl -H "Authorization: Bearer ${secret}" ${window.location.origin}/api/auth/me`}</code>
      </pre>
    </div>
  );
}

const tokenFields = ['kind', 'name'] as const;

function TokenForm({ onClose, onSaved }: { onClose: () => void; onSaved: (token: NewToken) => void }) {
  const t = useT();
  const [kind, setKind] = useState<TokenKind>('api');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const { form, refused } = useFocusOnInvalid();
  const { byField, general } = splitErrors(error, tokenFields, t);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      onSaved(await createMyToken({ kind, name: name.trim() }));
    } catch (failure) {
      setError(failure);
      refused();
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('tokens.createTitle')} onClose={onClose}>
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <FormErrors messages={general} />
        <TextField
          label={t('tokens.name')}
          value={name}
          onChange={setName}
          error={byField.name}
          hint={t('tokens.nameHint')}
          autoComplete="off"
          maxLength={100}
          required
        />
        <SelectField
          label={t('tokens.kind')}
          value={kind}
          onChange={(value) => setKind(value as TokenKind)}
          error={byField.kind}
          hint={t(`tokenKindHint.${kind}`)}
          required
        >
          {tokenKinds.map((option) => (
            <option key={option} value={option}>
              {t(`tokenKind.${option}`)}
            </option>
          ))}
        </SelectField>
        <FormActions busy={busy} onCancel={onClose} saveLabel={t('tokens.createSubmit')} />
      </form>
    </Dialog>
  );
}
