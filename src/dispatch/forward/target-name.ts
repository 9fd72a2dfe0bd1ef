import { type ForwardConfig, forwardKind } from '../../config/forward.config';

/**
 * A target URL as it may be shown: in run names, logs, metrics labels and errors. Credentials
 * (`amqp://user:password@...`, `nats://token@...`) are dropped and query values masked, since
 * either may be a secret (`?code=...`). A URL with neither is shown as written, so the names of
 * HTTP targets without them stay what they were.
 */
export function displayUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(not a URL)';
  }
  if (!parsed.username && !parsed.password && !parsed.search) return url;
  const query = [...new Set(parsed.searchParams.keys())]
    .map((key) => `${encodeURIComponent(key)}=***`)
    .join('&');
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${query ? `?${query}` : ''}`;
}

/**
 * The parts of a URL that may be secrets, as written and decoded: the password, query values,
 * and the user name when it stands alone (`nats://token@host`). A user name beside a password
 * is not masked in text: it is often a word like the product's name, which log lines use.
 */
export function urlSecrets(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const user = parsed.password ? '' : parsed.username;
  const raw = [user, parsed.password, ...new URLSearchParams(parsed.search).values()];
  const decoded = raw.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
  return [...new Set([...raw, ...decoded])].filter((part) => part.length > 0);
}

/** `text` (a client library's error message) with the URL's secrets masked. */
export function withoutUrlSecrets(text: string, url: string): string {
  // Longest first, so a password that contains another secret is masked whole.
  const secrets = urlSecrets(url).sort((a, b) => b.length - a.length);
  return secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}

/** Where on the broker a target publishes: subject, exchange/routing key, or stream. */
function destination(target: ForwardConfig): string | undefined {
  switch (forwardKind(target.url)) {
    case 'nats':
      return target.subject;
    case 'amqp':
      return `${target.exchange}/${target.routingKey}`;
    case 'redis':
      return target.stream;
    default:
      return undefined;
  }
}

/**
 * A forward target's handler name, recorded on its runs and shown by the admin API, logs and
 * metrics: `forward:<endpoint>:<url>`, plus `#<destination>` for a broker. Never credentials.
 */
export function forwardTargetName(endpointId: string, target: ForwardConfig): string {
  const where = destination(target);
  return `forward:${endpointId}:${displayUrl(target.url)}${where === undefined ? '' : `#${where}`}`;
}

/**
 * The name an HTTP target with credentials or a query had before names dropped them: runs
 * recorded under it before an upgrade still find their target (docs/upgrading.md).
 */
export function formerForwardTargetName(
  endpointId: string,
  target: ForwardConfig,
): string | undefined {
  const former = `forward:${endpointId}:${target.url}`;
  return forwardKind(target.url) === 'http' && former !== forwardTargetName(endpointId, target)
    ? former
    : undefined;
}
