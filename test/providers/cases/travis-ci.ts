import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECEIVERS } from '../../../src/receivers/receivers';
import { createTravisCiReceiver } from '../../../src/receivers/travis-ci/travis-ci.receiver';
import { fakePaypalFetch as fakeFetch } from '../../helpers/paypal-delivery';
import {
  TRAVIS_CONFIG_URL,
  travisConfigResponse,
  travisDelivery,
  travisKeyPair,
  type TravisKeyPair,
} from '../../helpers/travis-delivery';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const PATH = '/webhooks/travis-ci/builds';
/** The payload travis-tasks' own spec builds for a passed push build (fixtures/README.md). */
const SAMPLE_TEXT = readFileSync(
  join(__dirname, '../../../src/receivers/travis-ci/fixtures/build-passed.json'),
  'utf8',
);
const SAMPLE = JSON.parse(SAMPLE_TEXT) as Record<string, unknown>;

let keys: TravisKeyPair | undefined;
/** Travis's signing key stand-in, made once per run, served by the fake /config. */
const travis = () => (keys ??= travisKeyPair());

/** A build id of its own per key: keys end in a serial number unique in the run. */
const buildIdOf = (key: string) => 100_000 + Number(key.replace(/\D/g, ''));

/** Signed by the documented scheme with node:crypto (test/helpers/travis-delivery.ts). */
function send(payload: string, privateKeyPem?: string): WebhookRequest {
  const { headers, body } = travisDelivery(payload, privateKeyPem ?? travis().privateKeyPem);
  return { path: PATH, headers, body };
}

export const travisCiCase: ProviderCase = {
  name: 'Travis CI',
  provider: 'travis-ci',
  endpoint: 'builds',
  app: () => {
    const api = fakeFetch({
      [`GET ${TRAVIS_CONFIG_URL}`]: () => travisConfigResponse(travis().publicKeyPem),
    });
    return {
      endpoint: { provider: 'travis-ci', id: 'builds' },
      receivers: RECEIVERS.map((r) =>
        r.name === 'travis-ci' ? createTravisCiReceiver({ fetch: api.fetch }) : r,
      ),
    };
  },
  // Travis never retries; a second copy is a replay of the same signed notification.
  sign: ({ key, body, secret }) => {
    if (body) return send(body.toString('utf8'), secret);
    if (!key) return send(SAMPLE_TEXT, secret);
    return send(JSON.stringify({ ...SAMPLE, id: buildIdOf(key) }), secret);
  },
  secrets: notApplicable(
    "Travis signs with its own private key; the public key comes from the API's /config (keys pinned in secrets: travis-ci specs)",
  ),
  foreignSecret: {
    make: () => travisKeyPair().privateKeyPem,
    message: /does not match the payload with the key from https:\/\/api\.travis-ci\.com\/config/,
  },
  signatureHeaders: ['signature'],
  secretHeaders: [],
  documented: {
    type: 'push.passed',
    providerDeliveryId: '1:passed:2014-04-03T10:22:05Z',
    payload: SAMPLE,
    payloadIncludes: { type: 'push', state: 'passed', status_message: 'Passed', branch: 'master' },
    storedIncludes: { headers: { 'travis-repo-slug': 'svenfuchs/minimal' } },
  },
  acknowledgement: 'json',
  dedupe: {
    deliveryIdOf: (key) => `${buildIdOf(key)}:passed:2014-04-03T10:22:05Z`,
    retryAfterMs: 60_000,
  },
  get tamperings() {
    const changed = SAMPLE_TEXT.replace('"state": "passed"', '"state": "failed"');
    return [
      {
        label: 'its build state changed after signing',
        signedBody: Buffer.from(SAMPLE_TEXT),
        sentBody: Buffer.from(new URLSearchParams({ payload: changed }).toString()),
      },
    ];
  },
  timestampWindow: notApplicable(
    'Travis CI signs no timestamp: the signature covers the payload field only',
  ),
  otherRefusedContentTypes: ['application/json'],
  malformed: [
    { label: 'is not JSON in payload', request: () => send('{"id":') },
    {
      label: 'has no type or state',
      request: () => send(JSON.stringify({ id: 5 })),
      message: /no "type" and "state"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
