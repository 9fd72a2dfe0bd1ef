import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderCase, WebhookRequest } from '../provider-case';

export const slackFixture = (name: string) =>
  readFileSync(join(__dirname, '../../../src/receivers/slack/fixtures', name));
export const SLACK_FORM = 'application/x-www-form-urlencoded';
const SECRET = 'slack-signing-secret-current';
const NEXT_SECRET = 'slack-signing-secret-next';
const PATH = '/webhooks/slack/app';
const EVENT = slackFixture('event-callback.json');
const unixSeconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

/** Signs like Slack, with node:crypto (not the receiver's signer). */
export function slackSignedHeaders(
  body: Buffer,
  contentType: string,
  timestamp: string,
  secret: string,
): Record<string, string> {
  const signature =
    'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex');
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': signature,
  };
}

/** An interactivity form: one `payload` field holding URL-encoded JSON. */
export const interactivity = (json: Buffer) =>
  Buffer.from(`payload=${encodeURIComponent(json.toString('utf8'))}`);

function signed(body: Buffer, contentType: string, at: Date, secret = SECRET): WebhookRequest {
  return {
    path: PATH,
    headers: slackSignedHeaders(body, contentType, unixSeconds(at), secret),
    body,
  };
}

export const slackCase: ProviderCase = {
  name: 'Slack',
  provider: 'slack',
  endpoint: 'app',
  // The secret being rotated in comes first; Slack still signs with the current one.
  app: () => ({ endpoint: { provider: 'slack', id: 'app', secrets: [NEXT_SECRET, SECRET] } }),
  sign: ({ at, key, body, attempt = 1, secret }) => {
    const sent = body ?? (key ? Buffer.from(EVENT.toString().replace('Ev123ABC456', key)) : EVENT);
    const request = signed(sent, 'application/json', at, secret);
    if (attempt === 1) return request;
    const retry = {
      'x-slack-retry-num': String(attempt - 1),
      'x-slack-retry-reason': 'http_timeout',
    };
    return { ...request, headers: { ...request.headers, ...retry } };
  },
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'wrong-secret' },
  signatureHeaders: ['x-slack-signature'],
  secretHeaders: [],
  documented: {
    type: 'app_mention',
    providerDeliveryId: 'Ev123ABC456',
    payload: JSON.parse(EVENT.toString()),
  },
  // An empty 200: Slack would show a body to the user; id and duplicate travel in headers.
  acknowledgement: { text: '' },
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'its text changed after signing',
      signedBody: EVENT,
      sentBody: Buffer.from(EVENT.toString().replace('the pearl', 'the oyster')),
    },
  ],
  timestampWindow: { toleranceSeconds: 300 },
  otherRefusedContentTypes: [],
  malformed: [
    {
      label: 'is not JSON',
      request: (at) => signed(Buffer.from('{"type":'), 'application/json', at),
    },
    {
      label: 'is an interactivity payload that is not JSON',
      request: (at) => signed(Buffer.from('payload=%7Bnot-json'), SLACK_FORM, at),
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
