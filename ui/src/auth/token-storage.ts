/**
 * The admin token lives in sessionStorage only: gone when the tab closes, never in a URL, a
 * cookie or localStorage, so it is neither sent by the browser on its own nor kept on disk.
 */
const KEY = 'hookgate.adminToken';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function keepToken(token: string): void {
  sessionStorage.setItem(KEY, token);
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: there is nothing to forget.
  }
}
