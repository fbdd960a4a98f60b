import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { LoginInput } from '../../../../server/contracts/users';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { describeError } from '../../components/ErrorAlert';
import { TextField } from '../../components/form';
import { type Translate, useT } from '../../i18n/context';
import { intoContract, typedText } from '../../lib/form-values';
import { zodIssueWords } from '../../lib/refusals';

/** A wait in the words a person uses: seconds under a minute, else whole minutes rounded up. */
function waitText(seconds: number | undefined, t: Translate): string {
  if (seconds === undefined) return t('signIn.waitUnknown');
  if (seconds < 60) return t('signIn.waitSeconds', { seconds: Math.max(1, seconds) });
  return t('signIn.waitMinutes', { minutes: Math.ceil(seconds / 60) });
}

function signInError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    // Our own words rather than the server's, so that they follow the interface language.
    if (error.code === 'UNAUTHENTICATED') return t('signIn.wrong');
    if (error.code === 'RATE_LIMITED')
      return t('signIn.tooMany', { wait: waitText(error.retryAfterSeconds, t) });
  }
  return describeError(error, t);
}

/** Both fields needed, said in the page's words (hence made of `t`), then the contract's bounds. */
function signInValues(t: Translate) {
  return intoContract(
    z.object({
      username: typedText.refine((name) => name !== '', t('signIn.usernameMissing')),
      password: z.string().min(1, t('signIn.passwordMissing')),
    }),
    LoginInput,
  );
}

/**
 * Signing in, on react-hook-form and a react-query mutation directly rather than useRecordForm:
 * its refusal is about the sign-in as a whole, worded by this page from the error itself (a
 * wrong password, how long to wait after too many), and it empties the password and puts the
 * focus there for the next try; useRecordForm gives a refusal only as the server's words.
 */
export function SignInPage({ expired }: { expired: boolean }) {
  const t = useT();
  const { signIn } = useSession();
  const passwordInput = useRef<HTMLInputElement>(null);

  // Whoever lands here came to sign in: the first field is where they type.
  const usernameInput = useRef<HTMLInputElement>(null);
  useEffect(() => usernameInput.current?.focus(), []);

  const resolver = useMemo(
    () => zodResolver(signInValues(t), { error: (issue) => zodIssueWords(issue, t.language) }),
    [t],
  );
  // Errors stay until the next try: a message appearing while typing would move the button.
  const form = useForm({
    resolver,
    defaultValues: { username: '', password: '' },
    reValidateMode: 'onSubmit',
  });
  const signingIn = useMutation({
    mutationFn: signIn,
    // On success this page is replaced; after a refusal, retyping the password is the usual next step.
    onError: () => {
      form.setValue('password', '');
      passwordInput.current?.focus();
    },
  });
  const { username, password } = form.watch();
  const { errors } = form.formState;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    signingIn.reset();
    void form.handleSubmit(
      (credentials) => signingIn.mutate(credentials),
      (missing) => (missing.username ? usernameInput : passwordInput).current?.focus(),
    )(event);
  };

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <form className="sign-in__card" onSubmit={submit} noValidate>
        <h2 id="sign-in-title" className="sign-in__title">
          {t('signIn.title')}
        </h2>
        {expired ? (
          <p className="notice" role="status">
            {t('signIn.expired')}
          </p>
        ) : null}
        {signingIn.error ? (
          <p className="error-box sign-in__error" role="alert">
            {signInError(signingIn.error, t)}
          </p>
        ) : null}
        <TextField
          ref={usernameInput}
          label={t('signIn.username')}
          value={username}
          onChange={(value) => form.setValue('username', value)}
          error={errors.username?.message}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
        />
        <TextField
          ref={passwordInput}
          label={t('signIn.password')}
          type="password"
          value={password}
          onChange={(value) => form.setValue('password', value)}
          error={errors.password?.message}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button--block" disabled={signingIn.isPending}>
          {signingIn.isPending ? t('signIn.busy') : t('signIn.submit')}
        </button>
        <p className="sign-in__help">{t('signIn.help')}</p>
      </form>
    </section>
  );
}
