import { createHash, createHmac } from 'node:crypto';
import { OnfidoInvalidSignatureError, WebhookEventVerifier } from '@onfido/api';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { onfidoReceiver as receiver } from './onfido.receiver';

// Published vectors: onfido/onfido-node `test/classic-webhook-event-verifier.test.ts` and
// `test/studio-webhook-event-verifier.test.ts`; the fixtures are their bodies, byte for byte.
const CLASSIC = {
  token: '_ABC123abc123ABC123abc123ABC123_',
  body: fixture(__dirname, 'check-completed.json'),
  signature: 'a0082d7481f9f0a2907583dbe1f344d6d4c0d9989df2fd804f98479f60cd760e',
};
const STUDIO = {
  token: 'YKOC6mkBxi6yK2zlUIrLMvsJMFEZObP5',
  body: fixture(__dirname, 'workflow-task-started.json'),
  signature: 'c95a5b785484f6fa1bc25f381b5595d66bf85cb442eefb06aa007802ee6a4dfa',
};
const TOKEN = 'onfido-webhook-token';
const hex = (body: Buffer, token = TOKEN) => createHmac('sha256', token).update(body).digest('hex');
const signed = (signature: string, body = CLASSIC.body) =>
  webhookRequest({ 'X-SHA2-Signature': signature }, body);

describe('Onfido receiver', () => {
  it.each([
    ['classic', CLASSIC],
    ['Studio', STUDIO],
  ])('accepts the published %s vector', (_case, vector) => {
    expect(verifyWith(receiver, signed(vector.signature, vector.body), [vector.token])).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it("agrees with the SDK's WebhookEventVerifier both ways", () => {
    const signature = hex(CLASSIC.body);
    expect(new WebhookEventVerifier(TOKEN).readPayload(CLASSIC.body, signature)).toMatchObject({
      payload: { action: 'check.completed' },
    });
    expect(verifyWith(receiver, signed(signature), ['rotated-token', TOKEN])).toEqual({
      ok: true,
      secretIndex: 1,
    });
    const wrong = hex(CLASSIC.body, 'other-token');
    expect(() => new WebhookEventVerifier(TOKEN).readPayload(CLASSIC.body, wrong)).toThrow(
      OnfidoInvalidSignatureError,
    );
    expect(verifyWith(receiver, signed(wrong), [TOKEN])).toMatchObject({ ok: false });
  });

  it.each([
    ['no X-SHA2-Signature', webhookRequest({}, CLASSIC.body), /X-SHA2-Signature is missing/],
    [
      'the SHA-1 digest of the legacy X-Signature',
      signed(createHmac('sha1', CLASSIC.token).update(CLASSIC.body).digest('hex')),
      /webhook token/,
    ],
    [
      'a body changed after signing',
      signed(
        CLASSIC.signature,
        Buffer.from(CLASSIC.body.toString().replace('complete"', 'withdrawn"')),
      ),
      /webhook token/,
    ],
    ['a sha256= prefix', signed(`sha256=${CLASSIC.signature}`), /webhook token/],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [CLASSIC.token]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes payload.action, a hash of the body, and the completion time', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'check.completed',
      providerDeliveryId: createHash('sha256').update(CLASSIC.body).digest('hex'),
      occurredAt: new Date('2020-01-01T00:00:00Z'),
    });
    expect(normalizeWith(receiver, signed('x', STUDIO.body))).toMatchObject({
      type: 'workflow_task.started',
    });
  });

  it('refuses a body without payload.action (400)', () => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"payload":{}}')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('takes no options', () => {
    expect(() => receiver.parseOptions!({ region: 'eu' })).toThrow(
      /^options\.region is not a Onfido option/,
    );
  });
});
