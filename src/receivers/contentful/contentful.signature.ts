import type { IncomingWebhook, VerifyResult } from '../receiver';
import { hmac } from '../shared/hmac';
import { matchedOr, refuse } from '../shared/refusal';
import { matchAnySecret } from '../shared/timing-safe';
import { checkTimestampWindow } from '../shared/timestamp-window';
import { canonicalString, pathAndQueryOf } from './contentful.canonical';

const SIGNATURE = 'x-contentful-signature';
const SIGNED_HEADERS = 'x-contentful-signed-headers';
const TIMESTAMP = 'x-contentful-timestamp';

/**
 * Contentful's request verification (webhooks with a signing secret, and app requests):
 * hex(HMAC-SHA256(secret, canonical request)) in X-Contentful-Signature, the signed header
 * names in X-Contentful-Signed-Headers, the time in ms in X-Contentful-Timestamp, which is
 * itself signed. As @contentful/node-apps-toolkit's verifyRequest: the listed headers are
 * picked from the request, and the two bookkeeping headers take the values it would write
 * (the picked names sorted and joined by commas; the timestamp as an integer).
 */
export function verifyContentful(
  req: IncomingWebhook,
  secrets: readonly string[],
  now: Date,
  toleranceSeconds: number,
): VerifyResult {
  const signature = req.headers[SIGNATURE];
  const listed = req.headers[SIGNED_HEADERS];
  const timestamp = req.headers[TIMESTAMP];
  if (!signature || !listed || !timestamp) {
    return refuse(
      'X-Contentful-Signature, X-Contentful-Signed-Headers or X-Contentful-Timestamp is missing: ' +
        "set a signing secret on the Contentful webhook (Settings → Webhooks → the webhook's " +
        'security settings) and put it in secrets.',
    );
  }
  const ms = /^\d{1,16}$/.test(timestamp.trim()) ? Number(timestamp.trim()) : NaN;
  const window = checkTimestampWindow(Math.floor(ms / 1000), now, toleranceSeconds);
  if (!window.ok) return refuse(`X-Contentful-Timestamp: ${window.message}`, 'stale-timestamp');

  const names = listed.split(',').map((name) => name.trim().toLowerCase());
  const picked = names.filter((name) => req.headers[name] !== undefined && name !== SIGNATURE);
  for (const required of [SIGNED_HEADERS, TIMESTAMP]) {
    if (!picked.includes(required)) picked.push(required);
  }
  const sortedNames = [...new Set(picked)].sort((a, b) => (a > b ? 1 : -1));
  const headers = sortedNames.map((name): [string, string] => {
    if (name === SIGNED_HEADERS) return [name, sortedNames.join(',')];
    if (name === TIMESTAMP) return [name, String(ms)];
    return [name, (req.headers[name] ?? '').trim()];
  });
  const content = canonicalString({
    method: req.method,
    pathAndQuery: pathAndQueryOf(req.url),
    headers,
    body: req.rawBody.toString('utf8'),
  });
  const index = matchAnySecret(secrets, [signature.trim()], (secret) =>
    hmac('sha256', secret, content).toString('hex'),
  );
  return matchedOr(
    index,
    'X-Contentful-Signature does not match under any configured signing secret: put the ' +
      "webhook's signing secret in secrets, and set publicUrl to the webhook URL exactly as " +
      'entered in Contentful (its path and query are signed).',
  );
}
