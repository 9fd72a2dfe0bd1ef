import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { dynamicsCrmReceiver as receiver } from './dynamics-crm.receiver';

const CONTEXT = JSON.parse(
  readFileSync(join(__dirname, 'fixtures/contact-update.json'), 'utf8'),
) as Record<string, unknown>;
const request: IncomingWebhook = {
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/dynamics-crm/crm',
  query: {},
  headers: {},
  rawBody: Buffer.alloc(0),
};
const normalize = (changes: Record<string, unknown>) =>
  receiver.normalize(request, { ...CONTEXT, ...changes });

describe('Dynamics CRM (Dataverse) receiver', () => {
  it('waits 60 s, as Dataverse does', () => {
    expect(receiver.ackDeadlineMs).toBe(60_000);
  });

  it('types the documented context table.message, keyed by OperationId, without a time', () => {
    expect(normalize({})).toEqual({
      type: 'contact.Update',
      providerDeliveryId: '4af10637-4ea2-e711-8122-000d3aa2331c',
    });
  });

  it.each<[string, Record<string, unknown>, object]>([
    [
      'a message on no table',
      { PrimaryEntityName: 'none', MessageName: 'WhoAmI' },
      { type: 'WhoAmI' },
    ],
    ['no PrimaryEntityName', { PrimaryEntityName: undefined }, { type: 'Update' }],
    [
      'RequestId without OperationId',
      { OperationId: undefined, RequestId: '2d5a1e0b-1111-4c4c-9a9a-123456789abc' },
      { providerDeliveryId: '2d5a1e0b-1111-4c4c-9a9a-123456789abc' },
    ],
    [
      'an empty OperationId, then RequestId',
      { OperationId: '00000000-0000-0000-0000-000000000000', RequestId: 'r-1' },
      { providerDeliveryId: 'r-1' },
    ],
  ])('%s', (_name, changes, expected) => {
    expect(normalize(changes)).toMatchObject(expected);
  });

  it('has no delivery id when both are empty or null, as in a synchronous step', () => {
    const event = normalize({
      OperationId: '00000000-0000-0000-0000-000000000000',
      RequestId: null,
    });
    expect(event).toEqual({ type: 'contact.Update' });
  });

  it('refuses a context without MessageName (400)', () => {
    expect(() => normalize({ MessageName: undefined })).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"MessageName"') }),
    );
  });
});
