import { signRequest, verifyRequest } from '@contentful/node-apps-toolkit';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture } from '../shared/receiver.spec-helpers';
import { contentfulReceiver } from './contentful.receiver';

const SECRET = 'a'.repeat(32) + 'b'.repeat(32); // Contentful secrets are 64 characters
const OTHER = 'c'.repeat(64);
const NOW = new Date('2026-11-27T12:00:00.000Z');
const BODY = fixture(__dirname, 'entry-publish.json');
const TOPIC = 'ContentManagement.Entry.publish';
const OPTIONS = contentfulReceiver.parseOptions!(undefined);

/** A request signed by @contentful/node-apps-toolkit's signRequest, as Contentful signs it. */
function signed(
  path = '/webhooks/contentful/cms?space=yadj1kx9rmg0&env=staging',
  at = NOW,
  secret = SECRET,
  body = BODY,
): IncomingWebhook {
  const headers = {
    'X-Contentful-Topic': TOPIC,
    'Content-Type': 'application/vnd.contentful.management.v1+json',
  };
  const signature = signRequest(
    secret,
    { method: 'POST', path, headers, body: body.toString() },
    at.getTime(),
  );
  const all = { ...headers, ...signature };
  return {
    method: 'POST',
    url: `https://hooks.example.com${path}`,
    query: {},
    headers: Object.fromEntries(Object.entries(all).map(([k, v]) => [k.toLowerCase(), v])),
    rawBody: body,
    contentType: 'application/vnd.contentful.management.v1+json',
  };
}

const verify = (req: IncomingWebhook, secrets = [SECRET], options = OPTIONS) =>
  contentfulReceiver.verify(req, { secrets, options, now: NOW }) as VerifyResult;

describe('contentful receiver', () => {
  it('verifies what signRequest signs, as verifyRequest does, with any secret', () => {
    const req = signed();
    const canonical = {
      method: 'POST' as const,
      path: '/webhooks/contentful/cms?space=yadj1kx9rmg0&env=staging',
      headers: req.headers as Record<string, string>,
      body: BODY.toString(),
    };
    expect(verifyRequest(SECRET, canonical, 0)).toBe(true);
    expect(verify(req, [OTHER, SECRET])).toEqual({ ok: true, secretIndex: 1 });
  });

  it('refuses another body, path, secret, or an unsigned request, 401 signature', () => {
    const req = signed();
    expect(
      verify({ ...req, rawBody: Buffer.from(BODY.toString().replace('Bacon', 'Tofu')) }),
    ).toMatchObject({ ok: false, reason: 'signature' });
    expect(
      verify({ ...req, url: 'https://hooks.example.com/webhooks/contentful/cms' }),
    ).toMatchObject({ ok: false, reason: 'signature' });
    expect(verify(signed(undefined, NOW, OTHER))).toMatchObject({ ok: false, reason: 'signature' });
    const unsigned = { ...req.headers, 'x-contentful-signature': undefined };
    expect(verify({ ...req, headers: unsigned })).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('refuses a changed signed header (the topic) and a forged timestamp', () => {
    const req = signed();
    const topic = { ...req.headers, 'x-contentful-topic': 'ContentManagement.Entry.delete' };
    expect(verify({ ...req, headers: topic })).toMatchObject({ ok: false, reason: 'signature' });
    const later = String(NOW.getTime() + 1000);
    const moved = { ...req.headers, 'x-contentful-timestamp': later };
    expect(verify({ ...req, headers: moved })).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('refuses a timestamp outside 30 s either way; the option widens it', () => {
    for (const offset of [-31_000, 31_000]) {
      const req = signed(undefined, new Date(NOW.getTime() + offset));
      expect(verify(req)).toMatchObject({ ok: false, reason: 'stale-timestamp' });
    }
    const old = signed(undefined, new Date(NOW.getTime() - 120_000));
    const wide = contentfulReceiver.parseOptions!({ toleranceSeconds: 300 });
    expect(verify(old, [SECRET], wide)).toEqual({ ok: true, secretIndex: 0 });
  });

  it('types by topic, keys by topic, entity id and version', () => {
    const req = signed();
    expect(contentfulReceiver.normalize(req, contentfulReceiver.parse(req))).toEqual({
      type: TOPIC,
      providerDeliveryId: `${TOPIC}:5KsDBWseXY6QegucYAoacS:1`,
      occurredAt: new Date('2015-05-18T11:29:46.809Z'),
    });
  });
});
