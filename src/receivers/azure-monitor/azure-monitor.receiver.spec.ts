import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { azureMonitorReceiver as receiver } from './azure-monitor.receiver';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as Record<string, any>;
const request: IncomingWebhook = {
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/azure-monitor/alerts',
  query: {},
  headers: {},
  rawBody: Buffer.alloc(0),
};
const normalize = (payload: unknown) => receiver.normalize(request, payload);
/** docs/providers.md: SHA-256 of the JSON array of [path, value] (null when absent). */
const sha256Of = (fields: [string, string | null][]) =>
  createHash('sha256').update(JSON.stringify(fields)).digest('hex');

describe('Azure Monitor receiver, common alert schema', () => {
  const resolved = fixture('common-alert-metric.json');
  const essentials = resolved.data.essentials;
  const fired = {
    ...resolved,
    data: {
      ...resolved.data,
      essentials: { ...essentials, monitorCondition: 'Fired', resolvedDateTime: undefined },
    },
  };

  it('types the documented sample by its alert rule, at its resolution time', () => {
    expect(normalize(resolved)).toEqual({
      type: 'WCUS-R2-Gen2',
      providerDeliveryId: sha256Of([
        ['data.essentials.alertId', essentials.alertId],
        ['data.essentials.monitorCondition', 'Resolved'],
        ['data.essentials.firedDateTime', '2019-03-22T13:58:24.3713213Z'],
        ['data.essentials.resolvedDateTime', '2019-03-22T14:03:16.2246313Z'],
      ]),
      occurredAt: new Date('2019-03-22T14:03:16.224Z'),
    });
  });

  it('gives the Fired and the Resolved notification of one alert the same type, other ids', () => {
    const firing = normalize(fired);
    expect(firing.type).toBe('WCUS-R2-Gen2');
    expect(firing.occurredAt).toEqual(new Date('2019-03-22T13:58:24.371Z'));
    expect(firing.providerDeliveryId).not.toBe(normalize(resolved).providerDeliveryId);
  });

  it('refuses a common-schema alert without alertRule (400)', () => {
    const payload = { schemaId: 'azureMonitorCommonAlertSchema', data: { essentials: {} } };
    expect(() => normalize(payload)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('alertRule') }),
    );
  });
});

describe('Azure Monitor receiver, classic metric alerts', () => {
  it('types the documented sample by context.name, as ASP.NET does', () => {
    const alert = fixture('classic-metric-alert.json');
    expect(normalize(alert)).toEqual({
      type: 'ruleName1',
      providerDeliveryId: sha256Of([
        ['context.id', alert.context.id],
        ['status', 'Activated'],
        ['context.timestamp', '2015-08-14T22:26:41.9975398Z'],
      ]),
      occurredAt: new Date('2015-08-14T22:26:41.997Z'),
    });
  });

  it('leaves out a web test timestamp of unknown zone (12/13/2017 20:53:57)', () => {
    const alert = fixture('classic-webtest-alert.json');
    const event = normalize(alert);
    expect(event.type).toBe(alert.context.name);
    expect(event).not.toHaveProperty('occurredAt');
  });

  it('refuses a body that is neither schema (400, naming context.name)', () => {
    expect(() => normalize({ status: 'Activated', context: {} })).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"context.name"') }),
    );
  });
});
