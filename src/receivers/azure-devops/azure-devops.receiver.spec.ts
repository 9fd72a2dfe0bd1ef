import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { findReceiver } from '../receivers';
import { azureDevOpsReceiver as receiver } from './azure-devops.receiver';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const SECRET = 'hookgate:devops-service-hook-password';
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const request = (body: Buffer, headers: Record<string, string> = {}): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/azure-devops/project',
  query: {},
  headers,
  rawBody: body,
  contentType: 'application/json',
});
const ctx = { secrets: ['hookgate:previous-password', SECRET], options: {}, now: new Date() };

describe('Azure DevOps receiver', () => {
  it('is also reachable as vsts, and takes no options', () => {
    expect(findReceiver('vsts')).toBe(receiver);
    expect(receiver.parseOptions!(undefined)).toEqual({});
    expect(() => receiver.parseOptions!({ code: 'x' })).toThrow(
      /^options\.code is not a Azure DevOps option; remove it \(Azure DevOps takes none\): the credentials go in secrets as user:password\.$/,
    );
  });

  it('verifies the Basic credentials of the service hook against every secret', () => {
    expect(
      receiver.verify(request(fixture('git-push.json'), { authorization: basic(SECRET) }), ctx),
    ).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each<[string, Record<string, string>, Record<string, string>]>([
    ['no Authorization', {}, {}],
    ['a wrong password', { authorization: basic('hookgate:guess') }, {}],
    ['the secret in ?code= (ASP.NET style) instead', {}, { code: SECRET }],
  ])('refuses %s (401), never quoting a secret', (_name, headers, query) => {
    const result = receiver.verify({ ...request(fixture('git-push.json'), headers), query }, ctx);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(JSON.stringify(result)).not.toContain('devops-service-hook-password');
    expect(JSON.stringify(result)).not.toContain('guess');
  });

  it('wants user:password secrets', () => {
    expect(receiver.checkSecret!(SECRET)).toBeUndefined();
    expect(receiver.checkSecret!('devops-service-hook-password')).toMatch(/^must be user:password/);
  });

  it.each([
    [
      'git-push.json',
      'git.push',
      '03c164c2-8912-4d5e-8009-3707d5f83734',
      '2016-09-19T13:03:27.037Z',
    ],
    [
      'workitem-updated.json',
      'workitem.updated',
      '27646e0e-b520-4d2b-9411-bba7524947cd',
      '2016-09-19T13:03:30.643Z',
    ],
  ])('%s: eventType, the event id and createdDate', (name, type, id, createdDate) => {
    const req = request(fixture(name));
    expect(receiver.normalize(req, receiver.parse(req))).toEqual({
      type,
      providerDeliveryId: id,
      occurredAt: new Date(createdDate),
    });
  });

  it('refuses an event without eventType (400), as ASP.NET does', () => {
    const req = request(Buffer.from('{"id":"03c164c2","resource":{}}'));
    expect(() => receiver.normalize(req, receiver.parse(req))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"eventType"') }),
    );
  });
});
