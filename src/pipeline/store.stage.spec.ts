import { awsSnsReceiver } from '../receivers/aws-sns/aws-sns.receiver';
import type { IncomingWebhook } from '../receivers/receiver';
import type { ResolvedEndpoint } from './endpoint.registry';
import { toNewDelivery } from './store.stage';

const endpoint: ResolvedEndpoint = {
  id: 'orders',
  provider: 'aws-sns',
  receiver: awsSnsReceiver as ResolvedEndpoint['receiver'],
  secrets: [],
  options: {},
  forward: [],
};
const req: IncomingWebhook = {
  method: 'POST',
  url: '/webhooks/aws-sns/orders',
  query: {},
  headers: { 'content-type': 'text/plain' },
  rawBody: Buffer.from('{"raw":true}'),
  contentType: 'text/plain',
};
const at = new Date('2026-12-07T12:00:00Z');

describe('toNewDelivery: the stored body', () => {
  it('is the raw bytes by default', () => {
    const row = toNewDelivery(new Set(), endpoint, req, { type: 'notification' }, at);
    expect(row.rawBody).toBe(req.rawBody);
  });

  it("is the receiver's storedBody when normalize gave one", () => {
    const storedBody = Buffer.from('{"redacted":true}');
    const row = toNewDelivery(new Set(), endpoint, req, { type: 'x', storedBody }, at);
    expect(row.rawBody).toBe(storedBody);
  });
});
