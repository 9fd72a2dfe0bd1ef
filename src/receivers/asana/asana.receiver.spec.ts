import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { asanaReceiver as receiver } from './asana.receiver';

// The secret of Asana's handshake example (developers.asana.com/reference/createwebhook).
const SECRET = 'b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81';
const BODY = readFileSync(join(__dirname, 'fixtures/task-changed.json'));
/** Asana's scheme, computed here: hex HMAC-SHA256 of the body under the handshake secret. */
const sign = (body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('hex');

const request = (headers: Record<string, string>, rawBody = BODY): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/asana/tasks',
  query: {},
  headers,
  rawBody,
  contentType: 'application/json',
});
const verify = (req: IncomingWebhook, secrets = [SECRET]) =>
  receiver.verify(req, { secrets, options: {}, now: new Date() });

describe('Asana receiver', () => {
  it('verifies X-Hook-Signature with the handshake secret', () => {
    expect(verify(request({ 'x-hook-signature': sign(BODY) }))).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it.each([
    ['no signature', {}, /X-Hook-Signature is missing/],
    ['another secret', { 'x-hook-signature': sign(BODY, 'other') }, /does not match/],
    ['another body', { 'x-hook-signature': sign(Buffer.from('{"events":[]}')) }, /does not match/],
  ])('refuses %s', (_case, headers, message) => {
    const result = verify(request(headers));
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(JSON.stringify(result)).toMatch(message);
  });

  it('refuses everything before a handshake handed a secret over', () => {
    expect(verify(request({ 'x-hook-signature': sign(BODY) }), [])).toMatchObject({ ok: false });
  });

  it('needs no configured secret, keeps the handshake header out of the store', () => {
    expect(receiver.requiresSecret).toBe(false);
    expect(receiver.handshakeSecretHeader).toBe('X-Hook-Secret');
    expect(receiver.secretHeaders).toEqual(['x-hook-secret']);
  });

  it('types a batch of one kind by resource type and action; id is the body hash', () => {
    const req = request({});
    expect(receiver.normalize(req, receiver.parse(req))).toEqual({
      type: 'task.changed',
      providerDeliveryId: createHash('sha256').update(BODY).digest('hex'),
    });
  });

  it('types a mixed batch "mixed"', () => {
    const payload = JSON.parse(BODY.toString());
    payload.events[1].action = 'added';
    const body = Buffer.from(JSON.stringify(payload));
    expect(receiver.normalize(request({}, body), payload).type).toBe('mixed');
  });

  it('answers the heartbeat (no events) with 200, and nothing else', () => {
    expect(receiver.handshakeAfterVerify!(request({}), { events: [] })).toEqual({ status: 200 });
    expect(receiver.handshakeAfterVerify!(request({}), JSON.parse(BODY.toString()))).toBe(
      undefined,
    );
  });

  it.each([
    ['no events array', { data: [] }],
    ['an event without an action', { events: [{ resource: { resource_type: 'task' } }] }],
  ])('refuses %s (400)', (_case, payload) => {
    expect(() => receiver.normalize(request({}), payload)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
