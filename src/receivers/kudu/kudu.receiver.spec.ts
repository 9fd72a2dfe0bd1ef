import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { kuduReceiver as receiver } from './kudu.receiver';

const DEPLOYMENT = readFileSync(join(__dirname, 'fixtures/deployment-success.json'));
const request = (body: Buffer): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/kudu/site',
  query: {},
  headers: {},
  rawBody: body,
  contentType: 'application/json',
});
const normalize = (body: Buffer) => receiver.normalize(request(body), JSON.parse(body.toString()));
/** docs/providers.md: SHA-256 of the JSON array [["id", …], ["status", …], ["endTime", …]]. */
const expectedId = (id: string, status: string, endTime: string) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        ['id', id],
        ['status', status],
        ['endTime', endTime],
      ]),
    )
    .digest('hex');

describe('Kudu receiver', () => {
  it('reads the deployment status, end time, and an id for this deployment', () => {
    expect(normalize(DEPLOYMENT)).toEqual({
      type: 'success',
      providerDeliveryId: expectedId(
        'ff17489fbcb7e2dda9012ec285811b9b751ebb5e',
        'success',
        '2015-09-26T04:26:55.6393049Z',
      ),
      occurredAt: new Date('2015-09-26T04:26:55.639Z'),
    });
  });

  it('tells a redeployment of the same commit from a resent notification', () => {
    const redeployed = Buffer.from(
      DEPLOYMENT.toString().replace(
        '"endTime": "2015-09-26T04:26:55.6393049Z"',
        '"endTime": "2015-09-27T09:00:00.0000000Z"',
      ),
    );
    expect(redeployed.equals(DEPLOYMENT)).toBe(false);
    expect(normalize(redeployed).providerDeliveryId).not.toBe(
      normalize(DEPLOYMENT).providerDeliveryId,
    );
    expect(normalize(Buffer.from(DEPLOYMENT)).providerDeliveryId).toBe(
      normalize(DEPLOYMENT).providerDeliveryId,
    );
  });

  it('refuses a body without status (400), as ASP.NET does', () => {
    expect(() => normalize(Buffer.from('{"id":"ff17489f"}'))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"status"') }),
    );
  });
});
