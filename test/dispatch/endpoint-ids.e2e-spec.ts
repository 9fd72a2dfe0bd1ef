import { Injectable } from '@nestjs/common';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import setupIntentCreated from '../../src/receivers/stripe/fixtures/setup-intent-created.json';
import { HandlerRegistry } from '../../src/dispatch/handler.registry';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../../src/dispatch/webhook-event';
import { auth, deliveryDetail, waitForDeliveryStatus } from '../helpers/dispatch';
import { githubHeaders } from '../helpers/github';
import { createTestApp, postRaw, testConfig, TestApp, waitFor } from '../helpers/test-app';
import { stripeDelivery } from '../providers/cases/stripe';

const GITHUB_SECRET = 'endpoint-ids-github-secret';
const STRIPE_SECRET = 'whsec_endpoint_ids_stripe_secret_0123';
/** The same provider delivery id from both providers: neither is the other's duplicate. */
const SHARED_DELIVERY_ID = 'evt_shared_0001';

const seen: string[] = [];

/** Handlers tied to endpoint `main`: the provider given with it makes the filter unambiguous. */
@Injectable()
class MainEndpointHandlers {
  @OnWebhook('github', '*', { endpoint: 'main', name: 'main-recorder' })
  onGithub(event: WebhookEvent) {
    seen.push(`${event.provider}/${event.endpoint} ${event.type}`);
  }

  @OnWebhook('stripe', '*', { endpoint: 'main', name: 'main-recorder' })
  onStripe(event: WebhookEvent) {
    seen.push(`${event.provider}/${event.endpoint} ${event.type}`);
  }
}

/**
 * `/webhooks/github/main` and `/webhooks/stripe/main` are two endpoints: both receive, neither
 * de-duplicates the other, handlers and forward targets tied to `main` see only their own.
 */
describe('one endpoint id under two providers', () => {
  let t: TestApp;
  let downstream: Server;
  const forwarded: string[] = [];

  beforeAll(async () => {
    downstream = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const envelope = JSON.parse(body) as { provider: string; endpoint: string };
        forwarded.push(`${envelope.provider}/${envelope.endpoint}`);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => downstream.listen(0, '127.0.0.1', resolve));
    const target = `http://127.0.0.1:${(downstream.address() as AddressInfo).port}/in`;
    t = await createTestApp(
      testConfig({
        dispatch: { pollIntervalMs: 20 },
        endpoints: [
          { provider: 'github', id: 'main', secrets: [GITHUB_SECRET], forward: [{ url: target }] },
          { provider: 'stripe', id: 'main', secrets: [STRIPE_SECRET], forward: [{ url: target }] },
        ],
      }),
      { providers: [MainEndpointHandlers] },
    );
  });
  afterAll(async () => {
    await t.close();
    downstream.close();
  });

  it('stores and dispatches a delivery to each, with the same provider delivery id', async () => {
    const githubBody = JSON.stringify({ ref: 'refs/heads/main', commits: [] });
    const github = await postRaw(
      t,
      '/webhooks/github/main',
      githubHeaders(GITHUB_SECRET, githubBody, 'push', SHARED_DELIVERY_ID),
      githubBody,
    );
    const signed = stripeDelivery(
      { ...setupIntentCreated, id: SHARED_DELIVERY_ID },
      STRIPE_SECRET,
      new Date(),
    );
    const stripe = await postRaw(t, '/webhooks/stripe/main', signed.headers, signed.body);
    expect(github.status).toBe(200);
    expect(stripe.status).toBe(200);
    expect(github.body.duplicate).toBe(false);
    expect(stripe.body.duplicate).toBe(false);
    expect(stripe.body.id).not.toBe(github.body.id);
    // A repeat is still a duplicate of its own endpoint's delivery.
    const again = await postRaw(t, '/webhooks/stripe/main', signed.headers, signed.body);
    expect(again.body).toEqual({ id: stripe.body.id, duplicate: true });

    await waitForDeliveryStatus(t, github.body.id, 'succeeded');
    await waitForDeliveryStatus(t, stripe.body.id, 'succeeded');
    await waitFor(() => seen.length === 2 && forwarded.length === 2, 10_000, 'both dispatched');
    expect(seen.sort()).toEqual(['github/main push', 'stripe/main setup_intent.created']);
    expect(forwarded.sort()).toEqual(['github/main', 'stripe/main']);
    const target = (await deliveryDetail(t, stripe.body.id)).runs.map((run) => run.handler);
    expect(target.sort()).toEqual([
      `forward:main:http://127.0.0.1:${(downstream.address() as AddressInfo).port}/in`,
      'main-recorder',
    ]);
  });

  it('registers one handler of each name per provider', () => {
    const registered = t.app
      .get(HandlerRegistry)
      .all()
      .map((handler) => `${handler.provider} ${handler.name.replace(/:http.*/, ':<url>')}`);
    expect(registered.sort()).toEqual([
      'github forward:main:<url>',
      'github main-recorder',
      'stripe forward:main:<url>',
      'stripe main-recorder',
    ]);
  });

  it('lists each endpoint by provider and id in the admin API', async () => {
    const list = async (query: string) =>
      (await t.http().get(`/admin/deliveries?${query}`).set(auth)).body.items as {
        provider: string;
        endpoint: string;
      }[];
    expect((await list('endpoint=main')).map((d) => d.provider).sort()).toEqual([
      'github',
      'stripe',
    ]);
    expect(await list('provider=stripe&endpoint=main')).toEqual([
      expect.objectContaining({ provider: 'stripe', endpoint: 'main' }),
    ]);
  });
});
