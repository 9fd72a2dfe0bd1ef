import { createHash } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { azureEventGridReceiver as receiver } from './azure-event-grid.receiver';

// The samples of learn.microsoft.com azure/event-grid (event-schema-blob-storage, end-point-validation).
const BLOB_CREATED = fixture(__dirname, 'blob-created.json');
const VALIDATION = fixture(__dirname, 'subscription-validation.json');
const SECRET = 'event-grid-secret-7c2e9a';
const ctx = {
  secrets: [SECRET],
  options: receiver.parseOptions!({ header: 'X-Grid-Secret' }),
  now: NOW,
};
const withQuery = (query: Record<string, string>): IncomingWebhook => ({
  ...webhookRequest({}, BLOB_CREATED),
  query,
});
const verify = (req: IncomingWebhook, options: Record<string, unknown>, secrets = [SECRET]) =>
  receiver.verify(req, {
    secrets,
    options: receiver.parseOptions!(options),
    now: NOW,
  }) as VerifyResult;

describe('Azure Event Grid receiver', () => {
  it('answers the SubscriptionValidationEvent with {"validationResponse": code}', () => {
    const req = webhookRequest({ 'aeg-event-type': 'SubscriptionValidation' }, VALIDATION);
    const answer = receiver.handshakeBeforeVerify!(req, ctx);
    expect(answer).toMatchObject({ status: 200, headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(answer!.body as string)).toEqual({
      validationResponse: '512d38b6-c7b8-40c8-89fe-f46f9e9622b6',
    });
  });

  it('refuses a SubscriptionValidation that holds no validation code (400)', () => {
    const req = webhookRequest({ 'aeg-event-type': 'SubscriptionValidation' }, BLOB_CREATED);
    expect(() => receiver.handshakeBeforeVerify!(req, ctx)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('answers the CloudEvents OPTIONS check with WebHook-Allowed-Origin', () => {
    const req = {
      ...webhookRequest({ 'WebHook-Request-Origin': 'eventgrid.azure.net' }, Buffer.alloc(0)),
      method: 'OPTIONS',
    };
    expect(receiver.handshakeBeforeVerify!(req, ctx)).toEqual({
      status: 200,
      headers: { 'webhook-allowed-origin': 'eventgrid.azure.net' },
    });
    const bad = { ...req, headers: { 'webhook-request-origin': 'a\r\nSet-Cookie: x' } };
    expect(() => receiver.handshakeBeforeVerify!(bad, ctx)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('leaves notifications to verify', () => {
    const req = webhookRequest({ 'aeg-event-type': 'Notification' }, BLOB_CREATED);
    expect(receiver.handshakeBeforeVerify!(req, ctx)).toBeUndefined();
  });

  it('accepts the secret in the configured header or query parameter', () => {
    expect(
      verify(
        webhookRequest({ 'X-Grid-Secret': SECRET }, BLOB_CREATED),
        { header: 'X-Grid-Secret' },
        ['n', SECRET],
      ),
    ).toEqual({ ok: true, secretIndex: 1 });
    expect(verify(withQuery({ code: SECRET }), { query: 'code' })).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it.each<[string, IncomingWebhook, Record<string, unknown>]>([
    ['no header', webhookRequest({}, BLOB_CREATED), { header: 'X-Grid-Secret' }],
    [
      'another header value',
      webhookRequest({ 'X-Grid-Secret': 'guess' }, BLOB_CREATED),
      { header: 'X-Grid-Secret' },
    ],
    [
      'the secret in the query when a header is configured',
      withQuery({ code: SECRET }),
      { header: 'X-Grid-Secret' },
    ],
    ['no query parameter', withQuery({}), { query: 'code' }],
    ['another query value', withQuery({ code: 'guess' }), { query: 'code' }],
  ])('refuses %s (401), never quoting the secret', (_case, req, options) => {
    const result = verify(req, options);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it.each<[Record<string, unknown> | undefined, RegExp]>([
    [undefined, /^options\.header or options\.query is required/],
    [{ header: 'X-A', query: 'code' }, /^options\.header or options\.query is required/],
    [{ header: 'X A' }, /^options\.header must be/],
    [{ query: 'a b' }, /^options\.query must be/],
    [{ header: 'X-A', schema: 'x' }, /^options\.schema is not a Azure Event Grid option/],
  ])('refuses options %j at start-up', (raw, message) => {
    expect(() => receiver.parseOptions!(raw)).toThrow(message);
  });

  it('never stores the configured header', () => {
    expect(receiver.secretHeadersFor!(ctx.options)).toEqual(['x-grid-secret']);
  });

  it('normalizes an Event Grid array: eventType, id, eventTime', () => {
    expect(normalizeWith(receiver, webhookRequest({}, BLOB_CREATED))).toEqual({
      type: 'Microsoft.Storage.BlobCreated',
      providerDeliveryId: '831e1650-001e-001b-66ab-eeb76e069631',
      occurredAt: new Date('2017-06-26T18:41:00.958Z'),
    });
  });

  it('normalizes one CloudEvent, and a mixed batch by its ids', () => {
    const cloudEvent = {
      specversion: '1.0',
      type: 'Contoso.Items.ItemReceived',
      source: '/contoso/items',
      id: 'ce-1',
      time: '2022-01-01T00:00:00Z',
      data: {},
    };
    expect(
      normalizeWith(
        receiver,
        webhookRequest({}, Buffer.from(JSON.stringify(cloudEvent)), 'application/cloudevents+json'),
      ),
    ).toEqual({
      type: 'Contoso.Items.ItemReceived',
      providerDeliveryId: 'ce-1',
      occurredAt: new Date('2022-01-01T00:00:00Z'),
    });
    const batch = [cloudEvent, { ...cloudEvent, id: 'ce-2', type: 'Contoso.Items.ItemShipped' }];
    expect(normalizeWith(receiver, webhookRequest({}, Buffer.from(JSON.stringify(batch))))).toEqual(
      {
        type: 'mixed',
        providerDeliveryId: createHash('sha256').update('ce-1\nce-2').digest('hex'),
      },
    );
  });

  it.each([
    ['an empty batch', '[]'],
    ['an event without id', '[{"eventType":"A"}]'],
    ['a string', '"x"'],
  ])('refuses %s (400)', (_case, body) => {
    expect(() => normalizeWith(receiver, webhookRequest({}, Buffer.from(body)))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
