/**
 * The boot helper of the testing kit, used as a user would: a handler class of the test's own,
 * a delivery sent with the endpoint's secret, and the handler's work visible once `send`
 * resolves, with neither polling nor spies.
 */
import { Injectable } from '@nestjs/common';
import { OnWebhook, PermanentFailure, type WebhookEvent } from '../../src';
import { createHookgateTestingApp, type HookgateTestingApp } from '../../src/testing';

/** What the handlers saw, injected so the test can read it. */
@Injectable()
class Seen {
  readonly orders: string[] = [];
}

@Injectable()
class OrderHandler {
  constructor(private readonly seen: Seen) {}

  @OnWebhook('stripe', 'payment_intent.*')
  onPayment(event: WebhookEvent<{ data: { object: { id: string } } }>): void {
    this.seen.orders.push(event.payload.data.object.id);
  }

  @OnWebhook('github', 'issues.*')
  onIssue(): void {
    throw new PermanentFailure('issues are not handled here');
  }
}

describe('createHookgateTestingApp', () => {
  let kit: HookgateTestingApp;

  beforeAll(async () => {
    kit = await createHookgateTestingApp({
      endpoints: [
        { provider: 'stripe', id: 'shop', secrets: ['whsec_kit_test_secret'] },
        { provider: 'github', id: 'repo', secrets: ['github-kit-secret'] },
      ],
      handlers: [OrderHandler],
      providers: [Seen],
    });
  });
  afterAll(() => kit?.close());

  it('resolves once the handler has run, with the stored delivery', async () => {
    const payload = {
      id: 'evt_kit_1',
      object: 'event',
      type: 'payment_intent.succeeded',
      created: 1795780800,
      data: { object: { id: 'pi_kit_1', object: 'payment_intent' } },
    };
    const sent = await kit.send('stripe', 'shop', { payload });
    expect(sent.status).toBe(200);
    expect(sent.delivery).toMatchObject({ provider: 'stripe', type: 'payment_intent.succeeded' });
    expect(sent.runs).toEqual([
      expect.objectContaining({ handler: 'OrderHandler.onPayment', status: 'succeeded' }),
    ]);
    expect(kit.app.get(Seen).orders).toEqual(['pi_kit_1']);
  });

  it("resolves with a failed handler's run and its error", async () => {
    const sent = await kit.send('github', 'repo', { type: 'issues' });
    expect(sent.delivery.type).toBe('issues.opened');
    expect(sent.runs).toEqual([
      expect.objectContaining({ status: 'dead', lastError: expect.stringContaining('issues') }),
    ]);
  });

  it('resolves with no runs when no handler matches', async () => {
    const sent = await kit.send('github', 'repo', { type: 'ping', payload: { zen: 'Hi.' } });
    expect(sent.delivery.type).toBe('ping');
    expect(sent.runs).toEqual([]);
  });

  it('rejects a delivery the gateway refuses, saying why', async () => {
    await expect(kit.send('stripe', 'shop', { secret: 'whsec_wrong' })).rejects.toThrow(
      /refused the delivery: 401/,
    );
  });

  it('names an endpoint it does not have', async () => {
    await expect(kit.send('stripe', 'other')).rejects.toThrow('No endpoint stripe/other');
  });
});
