import { useState } from 'preact/hooks';
import { ApiError, checkToken } from '../api/client';

interface Props {
  /** Why the user is here again (signed out by a refused token), if they were signed in. */
  notice: string | null;
  onSignedIn: (token: string) => void;
}

/** Asks for the admin token and keeps it only once the gateway accepted it. */
export function SignIn({ notice, onSignedIn }: Props) {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const candidate = token.trim();
    if (!candidate) {
      setError('Enter the admin token.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await checkToken(candidate);
      onSignedIn(candidate);
    } catch (failure) {
      setError(refusal(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="sign-in" id="main">
      <form class="card sign-in__form" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Hookgate</h1>
        <p>
          Sign in with the gateway's admin token (<code>admin.token</code> in its config).
        </p>
        {notice && (
          <p class="notice notice--info" role="status">
            {notice}
          </p>
        )}
        <label for="admin-token">Admin token</label>
        <input
          id="admin-token"
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={token}
          onInput={(e) => setToken((e.target as HTMLInputElement).value)}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
        />
        {error && (
          <p id="sign-in-error" class="notice notice--error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        <p class="muted">The token is kept in this tab only, until you sign out or close it.</p>
      </form>
    </main>
  );
}

function refusal(failure: unknown): string {
  if (!(failure instanceof ApiError)) return 'Signing in failed. Try again.';
  if (failure.status === 401) return 'That token was refused. Check it and try again.';
  if (failure.status === 429) {
    const wait = failure.retryAfterSeconds ? ` Try again in ${failure.retryAfterSeconds} s.` : '';
    return `Too many wrong tokens from this address.${wait}`;
  }
  return failure.message;
}
