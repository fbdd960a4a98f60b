import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { useSession } from '../../app/session';
import { describeError } from '../../components/ErrorAlert';
import { TextField } from '../../components/form';
import { type Translate, useT } from '../../i18n/context';

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

export function SignInPage({ expired }: { expired: boolean }) {
  const t = useT();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});
  const passwordInput = useRef<HTMLInputElement>(null);

  // Whoever lands here came to sign in: the first field is where they type.
  const usernameInput = useRef<HTMLInputElement>(null);
  useEffect(() => usernameInput.current?.focus(), []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const empty = {
      ...(username.trim() ? {} : { username: t('signIn.usernameMissing') }),
      ...(password ? {} : { password: t('signIn.passwordMissing') }),
    };
    setMissing(empty);
    if (empty.username || empty.password) return;
    setBusy(true);
    try {
      await signIn({ username: username.trim(), password });
      // On success this page is replaced; nothing more to do here.
    } catch (failure) {
      setError(failure);
      setBusy(false);
      // Retyping the password is the usual next step after a refusal.
      setPassword('');
      passwordInput.current?.focus();
    }
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
        {error ? (
          <p className="error-box sign-in__error" role="alert">
            {signInError(error, t)}
          </p>
        ) : null}
        <TextField
          ref={usernameInput}
          label={t('signIn.username')}
          value={username}
          onChange={setUsername}
          error={missing.username}
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
          onChange={setPassword}
          error={missing.password}
          autoComplete="current-password"
          required
        />
        <button type="submit" className="button button--block" disabled={busy}>
          {busy ? t('signIn.busy') : t('signIn.submit')}
        </button>
        <p className="sign-in__help">{t('signIn.help')}</p>
      </form>
    </section>
  );
}
