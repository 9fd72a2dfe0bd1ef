import { createHash, createHmac } from 'node:crypto';
import { notApplicable, type ProviderCase } from '../provider-case';
import { providerFixture, signedJsonCase } from './signed-json-case';

const PING = providerFixture('buildkite', 'ping.json');
const SERVICE_ID = '49801950-1df0-474f-bb56-ad6a930c5cb9';
const SECRETS = ['buildkite-e2e-next-webhook-token', 'buildkite-e2e-webhook-token'] as const;
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

const common = {
  provider: 'buildkite',
  endpoint: 'pipelines',
  secrets: SECRETS,
  foreignSecret: () => 'another-buildkite-webhook-token',
  fixture: PING,
  idInFixture: SERVICE_ID,
  documented: {
    type: 'ping',
    providerDeliveryId: sha256(PING),
    payload: JSON.parse(PING.toString()),
  },
  // Buildkite sends no delivery id: the same body is the same delivery.
  dedupe: {
    deliveryIdOf: (key: string) => sha256(Buffer.from(PING.toString().split(SERVICE_ID).join(key))),
    retryAfterMs: 60_000,
  },
  tampering: { label: 'another sender after signing', from: 'Some Person', to: 'Someone Else' },
  malformed: [
    { label: 'is not JSON', body: '{"event":' },
    { label: 'is a JSON array', body: '[]' },
  ],
};

/** The notification service set to send a signature, computed with node:crypto as documented. */
export const buildkiteSignatureCase: ProviderCase = signedJsonCase({
  ...common,
  name: 'Buildkite (signature)',
  headers: ({ body, at, secret }) => {
    const ts = String(Math.floor(at.getTime() / 1000));
    const hex = createHmac('sha256', secret).update(`${ts}.`).update(body).digest('hex');
    return {
      'x-buildkite-event': 'ping',
      'x-buildkite-signature': `timestamp=${ts},signature=${hex}`,
    };
  },
  signatureHeaders: ['x-buildkite-signature'],
  toleranceSeconds: 300,
});

/** The notification service set to send the token as is: no body is signed, no time either. */
export const buildkiteTokenCase: ProviderCase = {
  ...signedJsonCase({
    ...common,
    name: 'Buildkite (token)',
    headers: ({ secret }) => ({ 'x-buildkite-event': 'ping', 'x-buildkite-token': secret }),
    signatureHeaders: ['x-buildkite-token'],
    secretHeaders: ['x-buildkite-token'],
  }),
  tamperings: notApplicable('the token authenticates the sender, not the body'),
};
