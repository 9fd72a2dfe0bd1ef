import { CliError, type CliIo } from '../io';

/** `--url` / `--token`, or HOOKGATE_URL / HOOKGATE_ADMIN_TOKEN. */
export interface AdminOptions {
  url?: string;
  token?: string;
}

export const DEFAULT_GATEWAY_URL = 'http://localhost:3000';

type Query = Record<string, string | number | undefined>;

/**
 * A running gateway's admin API. Every failure becomes one line: unreachable, token refused,
 * no admin API, or the gateway's own message.
 */
export class AdminClient {
  readonly baseUrl: string;
  private readonly token: string;

  constructor(options: AdminOptions, env: CliIo['env']) {
    this.baseUrl = (options.url ?? env.HOOKGATE_URL ?? DEFAULT_GATEWAY_URL).replace(/\/+$/, '');
    const token = options.token ?? env.HOOKGATE_ADMIN_TOKEN;
    if (!token) {
      throw new CliError('No admin token: pass --token or set HOOKGATE_ADMIN_TOKEN.');
    }
    this.token = token;
  }

  get<T>(path: string, query: Query = {}): Promise<T> {
    return this.request<T>('GET', path, query);
  }

  post<T>(path: string, query: Query = {}, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, query, body);
  }

  /** The URL of a path, with the query parameters that have a value. */
  url(path: string, query: Query = {}): string {
    const url = new URL(`${this.baseUrl}${path}`);
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  get authorization(): string {
    return `Bearer ${this.token}`;
  }

  private async request<T>(method: string, path: string, query: Query, body?: unknown) {
    const headers: Record<string, string> = { authorization: this.authorization };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(this.url(path, query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw unreachable(this.baseUrl, error);
    }
    const text = await res.text();
    if (!res.ok) throw answerError(res.status, text);
    try {
      return (text ? JSON.parse(text) : undefined) as T;
    } catch {
      throw new CliError(`${this.baseUrl} did not answer with JSON: is it a Hookgate gateway?`);
    }
  }
}

/** One line for a gateway that does not answer (connection refused, DNS, TLS). */
export function unreachable(url: string, error: unknown): CliError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const reason = cause?.code ?? cause?.message ?? (error as Error).message;
  return new CliError(`Cannot reach ${url}: ${reason}.`);
}

/** The admin API's error answers as one line each. */
export function answerError(status: number, text: string): CliError {
  if (status === 401) {
    return new CliError('The gateway refused the admin token (401): check --token.');
  }
  if (status === 429) return new CliError('Too many failed admin logins (429): retry later.');
  let message = '';
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    message = Array.isArray(parsed.message) ? parsed.message.join('; ') : String(parsed.message);
  } catch {
    message = text.slice(0, 200);
  }
  if (status === 404 && (!message || message === 'Not Found')) {
    return new CliError('Not found (404): is admin.token set in the gateway config?');
  }
  return new CliError(`The gateway answered ${status}: ${message.replace(/\s+/g, ' ')}`);
}
