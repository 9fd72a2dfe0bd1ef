import type { ReceiverRegistry } from '../../src/config/tokens';
import { RECEIVERS } from '../../src/receivers/receivers';
import { freePort } from '../helpers/gateway-process';
import { createTestApp, testConfig, type TestApp } from '../helpers/test-app';
import { PROVIDER_CASES } from '../providers/provider-cases';
import type { ProviderCase } from '../providers/provider-case';
import { kitInputFor } from '../testing/kit-inputs';
import { publicKeyOverrides } from '../testing/kit-public-keys';

/**
 * One running gateway with an endpoint of every registered provider, configured as the
 * provider's receiver-contract row configures it (test/providers/cases/), and what
 * `hookgate send` needs to deliver to each: the endpoint's URL, the secret (the private key for
 * public-key providers) and the signer's options.
 *
 * Endpoint options and signer options are two things: the endpoint's go into the config, where
 * the receiver reads them; the signer's are what `--option` passes, the endpoint's options
 * (which the signer reads as the gateway does) plus options only the signer knows, such as
 * the certificate URL of AWS SNS and PayPal.
 */
export interface SendTarget {
  readonly provider: string;
  readonly endpointId: string;
  /** The endpoint's URL on the running gateway: what `--url` is. */
  readonly url: string;
  readonly secret: string;
  /** The endpoint's `options` in the config. */
  readonly endpointOptions: Readonly<Record<string, unknown>>;
  /** What `--option` passes to the signer. */
  readonly signerOptions: Readonly<Record<string, unknown>>;
}

export interface SendAllGateway {
  readonly app: TestApp;
  /** By receiver name; a registered provider this spec cannot configure has none. */
  readonly targets: ReadonlyMap<string, SendTarget>;
}

/**
 * The generic providers, which have no contract row (their own specs test their options): an
 * endpoint each, with the options that shape how they sign.
 */
const GENERIC_ENDPOINTS: Readonly<Record<string, Record<string, unknown>>> = {
  hmac: {
    secrets: ['send-all-hmac-secret'],
    options: {
      header: 'X-Erp-Signature',
      prefix: 'sha256=',
      signedContent: '{timestamp}.{body}',
      timestampHeader: 'X-Erp-Timestamp',
    },
  },
  token: { secrets: ['send-all-token'], options: { header: 'X-Ops-Token' } },
  basic: { secrets: ['legacy:send-all-password'] },
};

/** The first contract row of each provider (GitLab and Buildkite have two). */
function firstRowOf(provider: string): ProviderCase | undefined {
  return PROVIDER_CASES.find((row) => row.provider === provider);
}

/** Whether this spec knows how to configure an endpoint of the provider. */
export function canConfigure(provider: string): boolean {
  return firstRowOf(provider) !== undefined || provider in GENERIC_ENDPOINTS;
}

interface ProviderSetup {
  /** The endpoint's config, its id and publicUrl still to be set. */
  readonly endpoint: Record<string, unknown>;
  /** The receiver the row injects in place of the registered one (a fake certificate fetch). */
  readonly receiver?: ReceiverRegistry[number];
  readonly secret: string;
  readonly signerOptions: Readonly<Record<string, unknown>>;
}

function setupOf(provider: string): ProviderSetup | undefined {
  const generic = GENERIC_ENDPOINTS[provider];
  if (generic) {
    const options = (generic.options ?? {}) as Record<string, unknown>;
    const secret = (generic.secrets as string[])[0];
    return { endpoint: { provider, ...generic }, secret, signerOptions: options };
  }
  const row = firstRowOf(provider);
  if (!row) return undefined;
  const app = publicKeyOverrides(row);
  const input = { ...kitInputFor(row, app, {}), ...app.kitInput };
  return {
    endpoint: app.endpoint,
    receiver: app.receivers?.find((r) => r.name === provider),
    secret: input.secret,
    signerOptions: input.options ?? {},
  };
}

export async function startSendAllGateway(): Promise<SendAllGateway> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const targets = new Map<string, SendTarget>();
  const endpoints: Record<string, unknown>[] = [];
  const injected = new Map<string, ReceiverRegistry[number]>();

  for (const { name } of RECEIVERS) {
    const setup = setupOf(name);
    if (!setup) continue;
    if (setup.receiver) injected.set(name, setup.receiver);
    // Endpoint ids are unique across providers: each endpoint is named after its provider.
    const url = endpointUrl(base, name, setup.endpoint.publicUrl);
    const hasPublicUrl = setup.endpoint.publicUrl !== undefined;
    endpoints.push({ ...setup.endpoint, id: name, ...(hasPublicUrl && { publicUrl: url }) });
    targets.set(name, {
      provider: name,
      endpointId: name,
      url,
      secret: setup.secret,
      endpointOptions: (setup.endpoint.options ?? {}) as Record<string, unknown>,
      signerOptions: setup.signerOptions,
    });
  }

  const receivers = RECEIVERS.map((r) => injected.get(r.name) ?? r);
  const app = await createTestApp(testConfig({ endpoints }), { receivers });
  await app.app.listen(port, '127.0.0.1');
  return { app, targets };
}

/**
 * The endpoint's route on the running gateway. A row's publicUrl names a public host; the
 * endpoint here is reached (and signed) at the gateway's own address, the row's query kept.
 */
function endpointUrl(base: string, provider: string, publicUrl: unknown): string {
  const url = new URL(`${base}/webhooks/${provider}/${provider}`);
  if (typeof publicUrl === 'string') url.search = new URL(publicUrl).search;
  return url.toString();
}

/**
 * `--option key=value` arguments. The CLI parses a value that reads as JSON, so values that are
 * not text, and text that would read as JSON (`"42"`), are written as JSON.
 */
export function optionArgs(options: Readonly<Record<string, unknown>>): string[] {
  return Object.entries(options).flatMap(([key, value]) => [
    '--option',
    `${key}=${typeof value === 'string' && !readsAsJson(value) ? value : JSON.stringify(value)}`,
  ]);
}

function readsAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
