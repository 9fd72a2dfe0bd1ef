import { codeCase, codeFixture } from './code-case';

export const MYGET_MEDIA_TYPE = 'application/vnd.myget.webhooks.v1+json';
const PACKAGE_ADDED = codeFixture('myget', 'package-added.json');
const IDENTIFIER = '7a48ce8c-728d-4350-8da8-e283d6fce277';

const withIdentifier = (key: string) =>
  Buffer.from(PACKAGE_ADDED.toString().replace(IDENTIFIER, key));

export const mygetCase = codeCase({
  name: 'MyGet',
  provider: 'myget',
  endpoint: 'feed',
  contentType: MYGET_MEDIA_TYPE,
  documentedBody: PACKAGE_ADDED,
  bodyWithKey: withIdentifier,
  // MyGet sends the event's identifier in a header as well (none for the malformed bodies).
  headersFor: (body): Record<string, string> => {
    const identifier = /"Identifier"\s*:\s*"([^"]+)"/.exec(body.toString())?.[1];
    return identifier ? { 'x-myget-eventidentifier': identifier } : {};
  },
  documented: {
    type: 'PackageAddedWebHookEventPayloadV1',
    providerDeliveryId: IDENTIFIER,
    payload: JSON.parse(PACKAGE_ADDED.toString()),
    payloadIncludes: { Payload: { PackageIdentifier: 'GoogleAnalyticsTracker.WP8' } },
    storedIncludes: { headers: { 'x-myget-eventidentifier': IDENTIFIER } },
  },
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  malformed: [
    { label: 'is not JSON', body: Buffer.from('{"PayloadType":') },
    { label: 'has no PayloadType', body: Buffer.from('{"Payload":{}}'), message: /"PayloadType"/ },
  ],
});
