// Who is signed in. The app asks the server once at start (GET /api/auth/me); afterwards
// any 401 from any request means the session is gone (expired, signed out elsewhere, or
// the account was disabled), and the sign-in page replaces whatever was on screen.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { getMe, signIn, signOut, type User } from '../api/auth';
import { ApiError, onUnauthenticated } from '../api/client';
import { queryClient } from '../lib/query-client';

export type SessionState =
  | { status: 'loading' }
  /** `expired`: a session we had ended under us, which the sign-in page says. */
  | { status: 'signed-out'; expired: boolean }
  | { status: 'signed-in'; user: User }
  /** The server could not say who we are (network, 5xx): offer to ask again. */
  | { status: 'failed'; error: unknown };

type Session = {
  state: SessionState;
  signIn: (credentials: { username: string; password: string }) => Promise<void>;
  signOut: () => Promise<void>;
  retry: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    // `attempt` is read so that retry() asks again.
    void attempt;
    const controller = new AbortController();
    getMe(controller.signal).then(
      (user) => setState({ status: 'signed-in', user }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const unauthenticated = error instanceof ApiError && error.statusCode === 401;
        setState(unauthenticated ? { status: 'signed-out', expired: false } : { status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  useEffect(
    () =>
      onUnauthenticated(() =>
        setState((current) =>
          current.status === 'signed-in' ? { status: 'signed-out', expired: true } : current,
        ),
      ),
    [],
  );

  // Signing in and out are not react-query mutations: each empties the whole cache, the
  // mutation cache with it, since what one user read is not the next user's.
  const doSignIn = useCallback(async (credentials: { username: string; password: string }) => {
    const user = await signIn(credentials);
    // What the last user of this browser saw is theirs: the next one starts from nothing.
    queryClient.clear();
    setState({ status: 'signed-in', user });
  }, []);

  const doSignOut = useCallback(async () => {
    try {
      await signOut();
    } finally {
      // Even if the server could not be told, this page must stop acting as the user.
      queryClient.clear();
      setState({ status: 'signed-out', expired: false });
    }
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<Session>(
    () => ({ state, signIn: doSignIn, signOut: doSignOut, retry }),
    [state, doSignIn, doSignOut, retry],
  );
  return <SessionContext value={value}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a <SessionProvider> above it');
  return session;
}

/** The signed-in user; only for screens that are shown to a signed-in user. */
export function useUser(): User {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useUser() outside a signed-in screen');
  return state.user;
}
