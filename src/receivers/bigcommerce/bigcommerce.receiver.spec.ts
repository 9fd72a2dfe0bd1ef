import type { VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { bigcommerceReceiver as receiver } from './bigcommerce.receiver';

// The callback payload of bigcommerce/docs `docs/integrations/webhooks/overview.mdx`.
const EVENT = fixture(__dirname, 'order-status-updated.json');
const TOKEN = 'bigcommerce-hook-token-7d2a';
const options = receiver.parseOptions!({ header: 'X-Webhook-Token' });
const verify = (headers: Record<string, string>, secrets: string[] = [TOKEN]) =>
  receiver.verify(webhookRequest(headers, EVENT), { secrets, options, now: NOW }) as VerifyResult;

describe('BigCommerce receiver', () => {
  it('accepts the configured header carrying any configured secret', () => {
    expect(verify({ 'X-Webhook-Token': TOKEN }, ['next-token', TOKEN])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['no header', {}, /X-Webhook-Token is missing/],
    ['another value', { 'X-Webhook-Token': 'guess' }, /does not match/],
    ['the secret in another header', { 'X-Other': TOKEN }, /X-Webhook-Token is missing/],
  ])('refuses %s (401), never quoting a secret', (_case, headers, message) => {
    const result = verify(headers);
    expect(result).toMatchObject({ ok: false, reason: 'signature', message });
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('never stores the configured header', () => {
    expect(receiver.secretHeadersFor!(options)).toEqual(['x-webhook-token']);
  });

  it.each<[string, Record<string, unknown> | undefined, RegExp]>([
    ['no header', undefined, /^options\.header is required/],
    ['a header that is no header name', { header: 'X Token' }, /^options\.header is required/],
    ['an unknown option', { header: 'X-T', scope: 'x' }, /^options\.scope is not a BigCommerce/],
  ])('refuses options with %s at start-up', (_case, raw, message) => {
    expect(() => receiver.parseOptions!(raw)).toThrow(message);
  });

  it('normalizes scope and hash', () => {
    expect(normalizeWith(receiver, webhookRequest({}, EVENT))).toEqual({
      type: 'store/order/statusUpdated',
      providerDeliveryId: '3f9ea420af83450d7ef9f78b08c8af25b2213637',
    });
  });

  it('refuses a callback without scope (400)', () => {
    expect(() => normalizeWith(receiver, webhookRequest({}, Buffer.from('{"hash":"x"}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('scope') }),
    );
  });
});
