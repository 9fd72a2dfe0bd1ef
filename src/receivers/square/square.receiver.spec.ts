import { createHmac } from 'node:crypto';
import type { IncomingWebhook } from '../receiver';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { squareReceiver as receiver } from './square.receiver';

// Published vectors: square/square-nodejs-sdk `tests/integration/webhooks.test.ts`.
const TEST_NOTIFICATION = fixture(__dirname, 'test-notification.json');
const VECTORS = [
  {
    key: 'Ibxx_5AKakO-3qeNVR61Dw',
    url: 'https://webhook.site/679a4f3a-dcfa-49ee-bac5-9d0edad886b9',
    body: TEST_NOTIFICATION,
    signature: 'GF4YkrJgGBDZ9NIYbNXBnMzqb2HoL4RW/S6vkZ9/2N4=',
  },
  {
    key: 'signature-key',
    url: 'https://webhook.site/webhooks',
    body: Buffer.from('{"data":{"type":"webhooks","id":"fake_id"}}'),
    signature: 'W3FlCNk5IA3ZQ2LHTWoajvzfaDu/OwY2tNHIHC3IUOA=',
  },
  {
    key: 'signature-key',
    url: 'https://webhook.site/webhooks',
    body: Buffer.from('{"data":{"type":"webhooks","id":">id<"}}'),
    signature: 'Cxt7+aTi4rKgcA0bC4g9EHdVtLSDWdqccmL5MvihU4U=',
  },
];

const at = (url: string, req: IncomingWebhook): IncomingWebhook => ({ ...req, url });
const signed = (signature: string, body: Buffer, url: string) =>
  at(url, webhookRequest({ 'x-square-hmacsha256-signature': signature }, body));

describe('Square receiver', () => {
  it.each(VECTORS.map((v, i) => [i + 1, v] as const))('accepts published vector %i', (_n, v) => {
    expect(verifyWith(receiver, signed(v.signature, v.body, v.url), [v.key])).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  const [v1, v2, v3] = VECTORS;
  it.each([
    ['another notification URL', signed(v1.signature, v1.body, `${v1.url}/`), [v1.key]],
    [
      'the URL with a query it was not registered with',
      signed(v2.signature, v2.body, `${v2.url}?a=1`),
      [v2.key],
    ],
    ['another body', signed(v2.signature, v3.body, v2.url), [v2.key]],
    ['another key', signed(v1.signature, v1.body, v1.url), ['another-key']],
    [
      'the SHA-1 header value of the old scheme',
      signed(
        createHmac('sha1', v1.key).update(v1.url).update(v1.body).digest('base64'),
        v1.body,
        v1.url,
      ),
      [v1.key],
    ],
  ])('refuses %s (401 signature)', (_case, req, secrets) => {
    const result = verifyWith(receiver, req, secrets);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(/publicUrl/);
    expect(result.ok === false && result.message).not.toContain('webhook.site');
  });

  it('refuses a request without the header (401), naming it', () => {
    const result = verifyWith(receiver, at(v1.url, webhookRequest({}, v1.body)), [v1.key]);
    expect(result).toMatchObject({
      ok: false,
      message: 'x-square-hmacsha256-signature is missing.',
    });
  });

  it('normalizes type, event_id and created_at; a body without type is 400', () => {
    expect(normalizeWith(receiver, signed('x', TEST_NOTIFICATION, v1.url))).toEqual({
      type: 'webhooks.test_notification',
      providerDeliveryId: 'ac3ac95b-f97d-458c-a6e6-18981597e05f',
      occurredAt: new Date('2022-07-13T20:30:59.037Z'),
    });
    expect(() => normalizeWith(receiver, signed('x', v2.body, v2.url))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(receiver.ackDeadlineMs).toBe(10_000);
  });
});
