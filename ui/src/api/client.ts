/** The admin API over fetch, with the bearer token on every call (never in a URL). */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export interface AdminClient {
  get<T>(path: string, query?: Query): Promise<T>;
  post<T>(path: string, body?: unknown, query?: Query): Promise<T>;
  /** A file to save: the bytes and the name the gateway suggests. */
  download(path: string): Promise<{ blob: Blob; filename: string }>;
  /** The open response of a long-lived stream (the live events). */
  stream(path: string, signal: AbortSignal): Promise<Response>;
}

/** `/admin` + path, with the query's set values. */
export function adminUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `/admin${path}${search ? `?${search}` : ''}`;
}

/**
 * A client for one token. A 401 calls `onUnauthorized` (the token was changed on the gateway,
 * or the session is gone), which signs the user out.
 */
export function adminClient(token: string, onUnauthorized: () => void): AdminClient {
  const call = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${token}`);
    let res: Response;
    try {
      res = await fetch(url, { ...init, headers, cache: 'no-store', credentials: 'omit' });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'The gateway did not answer. Check that it is running.');
    }
    if (!res.ok) {
      const failure = await errorOf(res);
      if (res.status === 401) onUnauthorized();
      throw failure;
    }
    return res;
  };
  return {
    async get<T>(path: string, query?: Query) {
      return (
        await call(adminUrl(path, query), { headers: { Accept: 'application/json' } })
      ).json() as Promise<T>;
    },
    async post<T>(path: string, body?: unknown, query?: Query) {
      const res = await call(adminUrl(path, query), {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      return res.json() as Promise<T>;
    },
    async download(path: string) {
      const res = await call(adminUrl(path));
      return { blob: await res.blob(), filename: filenameOf(res) ?? 'download' };
    },
    stream(path: string, signal: AbortSignal) {
      return call(adminUrl(path), { headers: { Accept: 'text/event-stream' }, signal });
    },
  };
}

/** Check a token without signing anyone out: resolves when the gateway accepts it. */
export async function checkToken(token: string): Promise<void> {
  const client = adminClient(token, () => undefined);
  await client.get('/deliveries', { limit: 1 });
}

async function errorOf(res: Response): Promise<ApiError> {
  const retryAfter = Number(res.headers.get('Retry-After'));
  const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  let message = '';
  try {
    const body = (await res.json()) as { message?: string | string[] };
    message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? '');
  } catch {
    // Not JSON (a proxy's page): the status alone says enough.
  }
  return new ApiError(res.status, message || `The gateway answered ${res.status}.`, seconds);
}

function filenameOf(res: Response): string | null {
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const match = /filename="([^"]+)"/.exec(disposition);
  return match ? match[1] : null;
}
