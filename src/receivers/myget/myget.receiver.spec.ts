import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { MYGET_MEDIA_TYPE, mygetReceiver as receiver } from './myget.receiver';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const request = (body: Buffer, headers: Record<string, string> = {}): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/myget/feed',
  query: {},
  headers,
  rawBody: body,
  contentType: MYGET_MEDIA_TYPE,
});

describe('MyGet receiver', () => {
  it("takes MyGet's media type (and plain JSON)", () => {
    expect(receiver.contentTypes).toEqual([
      'application/vnd.myget.webhooks.v1+json',
      'application/json',
    ]);
  });

  it('reads PayloadType, the event identifier and When from a package added payload', () => {
    const req = request(fixture('package-added.json'));
    expect(receiver.normalize(req, receiver.parse(req))).toEqual({
      type: 'PackageAddedWebHookEventPayloadV1',
      providerDeliveryId: '7a48ce8c-728d-4350-8da8-e283d6fce277',
      occurredAt: new Date('2014-09-08T12:59:53.114Z'),
    });
  });

  it('prefers the X-MyGet-EventIdentifier header MyGet documents for de-duplication', () => {
    const req = request(fixture('build-finished.json'), {
      'x-myget-eventidentifier': 'e1c6a2d0-5d43-4f6e-9c55-0a4c3f1b2d10',
    });
    expect(receiver.normalize(req, receiver.parse(req))).toMatchObject({
      type: 'BuildFinishedWebHookEventPayloadV1',
      providerDeliveryId: 'e1c6a2d0-5d43-4f6e-9c55-0a4c3f1b2d10',
    });
  });

  it('answers the ping 200 after verification, and nothing else', () => {
    const ping = request(fixture('ping.json'));
    expect(receiver.handshakeAfterVerify!(ping, receiver.parse(ping))).toEqual({ status: 200 });
    const added = request(fixture('package-added.json'));
    expect(receiver.handshakeAfterVerify!(added, receiver.parse(added))).toBeUndefined();
  });

  it('refuses a payload without PayloadType (400), as ASP.NET does', () => {
    const req = request(Buffer.from('{"Identifier":"x","Payload":{}}'));
    expect(() => receiver.normalize(req, receiver.parse(req))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"PayloadType"') }),
    );
  });
});
