// The signed-in user's personal access tokens: for a script that calls the API in their
// name (`Authorization: Bearer …`), or for the calendar feed. A new token's secret is
// shown once, right after it is made; afterwards only its name and use are listed.
import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { z } from 'zod';
import { ApiTokenInput } from '../../../../server/contracts/users';
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
import { SelectField, TextField } from '../../components/form';
import { EditorDialog } from '../../components/RecordEditor';
import { RecordTable, RowButton, useAdminList } from '../../components/RecordList';
import { AdminPage, ConfirmDialog, LoadState } from '../../components/records';
import { SecretBox } from '../../components/SecretBox';
import { useRecordForm } from '../../components/useRecordForm';
import { useT } from '../../i18n/context';
import { formatInstant } from '../../i18n/dates';
import { intoContract, typedText } from '../../lib/form-values';

type Editing = { kind: 'create' } | { kind: 'revoke'; token: Token };

export function TokensPage() {
  const t = useT();
  const timeZone = useTimeZone();
  const [created, setCreated] = useState<NewToken | null>(null);

  const load = useCallback((signal: AbortSignal) => listMyTokens(signal), []);
  const list = useAdminList<Token[], Editing>(['tokens'], load);
  const { data, editing } = list;
  // The newest first: the one just made is at the top, next to its secret.
  const tokens = useMemo(() => [...(data ?? [])].reverse(), [data]);
  // The question's dialog shows a refusal itself (mutateAsync rejects to it).
  const revoke = useMutation({
    mutationFn: (token: Token) => revokeMyToken(token.id),
    onSuccess: (_, token) => {
      // A secret still on screen is of no use any more once its token is revoked.
      if (created?.id === token.id) setCreated(null);
      list.done(t('tokens.revoked', { name: token.name }));
    },
  });

  return (
    <AdminPage
      title={t('tokens.title')}
      notice={list.notice}
      actions={
        <button type="button" className="button" onClick={() => list.setEditing({ kind: 'create' })}>
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

      <LoadState loaded={list} failedTitle={t('tokens.loadFailed')}>
        {() => (
          <RecordTable
            label={t('tokens.list')}
            rows={tokens}
            rowKey={(token) => token.id}
            rowClassName={(token) => (token.revokedAt ? 'table__row--muted' : undefined)}
            columns={[
              { label: t('tokens.name'), cell: (token) => token.name },
              { label: t('tokens.kind'), cell: (token) => t(`tokenKind.${token.kind}`) },
              { label: t('tokens.createdAt'), cell: (token) => formatInstant(token.createdAt, timeZone) },
              {
                label: t('tokens.lastUsedAt'),
                cell: (token) =>
                  token.lastUsedAt ? (
                    formatInstant(token.lastUsedAt, timeZone)
                  ) : (
                    <span className="muted">{t('tokens.neverUsed')}</span>
                  ),
              },
              {
                label: t('tokens.status'),
                cell: (token) =>
                  token.revokedAt ? (
                    <span className="badge badge--off">
                      {t('tokens.revokedOn', { at: formatInstant(token.revokedAt, timeZone) })}
                    </span>
                  ) : (
                    <span className="badge badge--on">{t('tokens.active')}</span>
                  ),
              },
            ]}
            actions={(token) =>
              token.revokedAt ? null : (
                <RowButton
                  danger
                  label={t('tokens.revokeOne', { name: token.name })}
                  onClick={() => list.setEditing({ kind: 'revoke', token })}
                >
                  {t('tokens.revoke')}
                </RowButton>
              )
            }
            empty={t('tokens.none')}
          />
        )}
      </LoadState>

      {editing?.kind === 'create' ? (
        <TokenForm
          onClose={list.close}
          onSaved={(token) => {
            setCreated(token);
            list.done(null);
          }}
        />
      ) : null}
      {editing?.kind === 'revoke' ? (
        <ConfirmDialog
          title={t('tokens.revokeTitle', { name: editing.token.name })}
          message={t('tokens.revokeMessage')}
          confirmLabel={t('tokens.revoke')}
          onClose={list.close}
          onConfirm={async () => {
            await revoke.mutateAsync(editing.token);
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

/** The token form's fields, as typed, checked and turned into the contract's input. */
const TokenValues = intoContract(z.object({ kind: z.enum(tokenKinds), name: typedText }), ApiTokenInput);

/** A new token's form: for a script unless chosen otherwise (typed, so that `kind` stays a kind). */
const newToken: z.input<typeof TokenValues> = { kind: 'api', name: '' };

function TokenForm({ onClose, onSaved }: { onClose: () => void; onSaved: (token: NewToken) => void }) {
  const t = useT();
  const editor = useRecordForm({
    schema: TokenValues,
    defaultValues: newToken,
    fields: tokenFields,
    save: createMyToken,
    onSaved,
  });
  const { bind } = editor;

  return (
    <EditorDialog
      title={t('tokens.createTitle')}
      editor={editor}
      onSubmit={editor.submit}
      onClose={onClose}
      saveLabel={t('tokens.createSubmit')}
      wide={false}
    >
      <TextField
        label={t('tokens.name')}
        {...bind('name')}
        hint={t('tokens.nameHint')}
        autoComplete="off"
        maxLength={100}
        required
      />
      <SelectField
        label={t('tokens.kind')}
        {...bind('kind')}
        onChange={(value) => bind('kind').onChange(value as TokenKind)}
        hint={t(`tokenKindHint.${editor.values.kind}`)}
        required
      >
        {tokenKinds.map((option) => (
          <option key={option} value={option}>
            {t(`tokenKind.${option}`)}
          </option>
        ))}
      </SelectField>
    </EditorDialog>
  );
}
