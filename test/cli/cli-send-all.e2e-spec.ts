/**
 * `hookgate send` for every provider the gateway knows, against a running gateway with an
 * endpoint of each: with no payload, the provider's own sample is signed and sent, and must be
 * accepted and stored. The list is the receiver registry itself, so a provider added without a
 * sample, a signer or a contract row (test/providers/provider-cases.ts) fails here.
 */
import { RECEIVERS } from '../../src/receivers/receivers';
import { samplePayload } from '../../src/testing';
import { SIGNERS } from '../../src/testing/signers/registry';
import { runHookgate } from '../helpers/cli';
import { auth } from '../helpers/dispatch';
import { createTestApp, testConfig } from '../helpers/test-app';
import {
  canConfigure,
  optionArgs,
  startSendAllGateway,
  type SendAllGateway,
  type SendTarget,
} from './send-all-gateway';

const NAMES = RECEIVERS.map((r) => r.name);
const ALIASES = RECEIVERS.flatMap((r) => (r.aliases ?? []).map((alias) => [alias, r.name]));

let gateway: SendAllGateway;
beforeAll(async () => {
  gateway = await startSendAllGateway();
}, 120_000);
afterAll(() => gateway?.app.close());

function targetOf(provider: string): SendTarget {
  const target = gateway.targets.get(provider);
  if (!target)
    throw new Error(`${provider} has no row in test/providers/provider-cases.ts to configure it.`);
  return target;
}

/** `hookgate send NAME` with no payload: the provider's sample, signed for the target. */
function send(name: string, target: SendTarget) {
  const args = ['send', name, '--url', target.url, '--secret', target.secret];
  return runHookgate([...args, ...optionArgs(target.signerOptions)]);
}

it('has an endpoint config, a signer and a sample payload for every registered provider', () => {
  const lacking = (has: (name: string) => boolean) => NAMES.filter((name) => !has(name));
  const hasSample = (name: string) => {
    try {
      return samplePayload(name) !== undefined;
    } catch {
      return false;
    }
  };
  expect({
    withoutEndpoint: lacking(canConfigure),
    withoutSigner: lacking((name) => SIGNERS.has(name)),
    withoutSample: lacking(hasSample),
  }).toEqual({ withoutEndpoint: [], withoutSigner: [], withoutSample: [] });
});

describe.each(NAMES)('hookgate send %s', (provider) => {
  it('sends the sample, which is accepted (exit 0, 2xx printed) and stored', async () => {
    const target = targetOf(provider);
    const result = await send(provider, target);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^2\d\d /);
    const query = new URLSearchParams({ provider, endpoint: target.endpointId });
    const stored = await gateway.app.http().get(`/admin/deliveries?${query}`).set(auth);
    expect(stored.status).toBe(200);
    const items = stored.body.items as { provider: string; endpoint: string }[];
    expect(items).toContainEqual(
      expect.objectContaining({ provider, endpoint: target.endpointId }),
    );
  });
});

describe.each(ALIASES)('hookgate send %s (an alias of %s)', (alias, provider) => {
  it("signs the provider's sample, which is accepted (exit 0, 2xx printed)", async () => {
    const result = await send(alias, targetOf(provider));
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^2\d\d /);
  });
});

// The certificate URL is an option of the signer alone: the endpoint's config refuses it.
it.each([
  ['aws-sns', 'signingCertUrl'],
  ['paypal', 'certUrl'],
])('%s: --option %s is a signer option, never an endpoint option', async (provider, option) => {
  const target = targetOf(provider);
  expect(target.signerOptions).toHaveProperty(option);
  expect(target.endpointOptions).not.toHaveProperty(option);
  const endpoint = { provider, id: 'refused', options: target.signerOptions };
  await expect(createTestApp(testConfig({ endpoints: [endpoint] }))).rejects.toThrow(option);
});
