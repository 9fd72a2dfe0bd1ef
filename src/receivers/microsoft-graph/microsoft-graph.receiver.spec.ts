import { createHash } from 'node:crypto';
import type { IncomingWebhook } from '../receiver';
import {
  fixture,
  NOW,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { microsoftGraphReceiver as receiver } from './microsoft-graph.receiver';

// The change notification example of learn.microsoft.com graph/change-notifications-delivery-webhooks.
const NOTIFICATION = fixture(__dirname, 'message-created.json');
const CLIENT_STATE = 'secretClientValue';
const ctx = { secrets: [CLIENT_STATE], options: {}, now: NOW };
const collection = (...value: object[]) => Buffer.from(JSON.stringify({ value }));
const item = (over: object = {}) => ({
  subscriptionId: 's-1',
  clientState: CLIENT_STATE,
  changeType: 'updated',
  resource: 'Users/u/Messages/m',
  ...over,
});
const validation = (
  query: Record<string, string>,
  contentType = 'text/plain',
): IncomingWebhook => ({
  ...webhookRequest(
    { 'content-type': `${contentType}; charset=utf-8` },
    Buffer.alloc(0),
    contentType,
  ),
  query,
});

describe('Microsoft Graph receiver', () => {
  it('echoes ?validationToken= (decoded by the URL parser) as text/plain with nosniff', () => {
    const token =
      'Validation: Testing client application reachability for subscription Request-Id: 2f7e';
    expect(receiver.handshakeBeforeVerify!(validation({ validationToken: token }), ctx)).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
      body: token,
    });
  });

  it('leaves JSON notifications to verify, and refuses other text/plain (415)', () => {
    expect(receiver.handshakeBeforeVerify!(webhookRequest({}, NOTIFICATION), ctx)).toBeUndefined();
    expect(() => receiver.handshakeBeforeVerify!(validation({}), ctx)).toThrow(
      expect.objectContaining({ status: 415 }),
    );
  });

  it('accepts notifications whose clientState matches a configured secret', () => {
    expect(verifyWith(receiver, webhookRequest({}, NOTIFICATION), ['next', CLIENT_STATE])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['another clientState', collection(item({ clientState: 'guess' }))],
    ['no clientState', collection(item({ clientState: undefined }))],
    ['one forged item among genuine ones', collection(item(), item({ clientState: 'guess' }))],
    ['no notifications', Buffer.from('{"value":[]}')],
    ['a body that is not JSON', Buffer.from('{"value":')],
  ])('refuses %s (401), never quoting the secret', (_case, body) => {
    const result = verifyWith(receiver, webhookRequest({}, body), [CLIENT_STATE]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(JSON.stringify(result)).not.toContain(CLIENT_STATE);
  });

  it('normalizes changeType, with an id hashed over the notification', () => {
    const parts = [
      '{subscription_guid}',
      'users/{user_guid}@{tenant_guid}/messages/{long_id_string}',
      'created',
      null,
      'W/"CQAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAUWRHf"',
    ];
    const id = createHash('sha256')
      .update(`${JSON.stringify(parts)}\n`)
      .digest('hex');
    expect(normalizeWith(receiver, webhookRequest({}, NOTIFICATION))).toEqual({
      type: 'created',
      providerDeliveryId: id,
    });
  });

  it('types lifecycle notifications apart, and a mixed collection mixed', () => {
    const lifecycle = item({ changeType: undefined, lifecycleEvent: 'reauthorizationRequired' });
    expect(normalizeWith(receiver, webhookRequest({}, collection(lifecycle))).type).toBe(
      'lifecycle.reauthorizationRequired',
    );
    expect(
      normalizeWith(
        receiver,
        webhookRequest({}, collection(item(), item({ changeType: 'deleted' }))),
      ).type,
    ).toBe('mixed');
  });

  it('parses the collection without its clientState (the secret)', () => {
    const payload = receiver.parse(webhookRequest({}, NOTIFICATION)) as { value: object[] };
    expect(JSON.stringify(payload)).not.toContain(CLIENT_STATE);
    expect(payload.value[0]).toMatchObject({ changeType: 'created', id: 'lsgTZMr9KwAAA' });
    expect(payload.value[0]).not.toHaveProperty('clientState');
  });

  it('tells two changes of one resource apart by the etag', () => {
    const change = (etag: string) => collection(item({ resourceData: { '@odata.etag': etag } }));
    const a = normalizeWith(receiver, webhookRequest({}, change('W/"1"'))).providerDeliveryId;
    expect(
      normalizeWith(receiver, webhookRequest({}, change('W/"2"'))).providerDeliveryId,
    ).not.toBe(a);
  });

  it('refuses a notification with neither changeType nor lifecycleEvent (400)', () => {
    const req = webhookRequest({}, collection(item({ changeType: undefined })));
    expect(() => normalizeWith(receiver, req)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('checks the clientState length at start-up, and takes no options', () => {
    expect(receiver.checkSecret!('x'.repeat(128))).toBeUndefined();
    expect(receiver.checkSecret!('x'.repeat(129))).toMatch(/^must be at most 128/);
    expect(() => receiver.parseOptions!({ tenant: 'x' })).toThrow(
      /^options\.tenant is not a Microsoft Graph option/,
    );
  });
});
