import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent, VerifyResult } from '../receiver';
import { commonType } from '../shared/batch';
import { parseJsonBody, parseJsonObject, stringAt } from '../shared/body';
import { refuse } from '../shared/refusal';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * The parsed collection without any `clientState`: it is the endpoint's secret, so the payload
 * that the admin API shows and handlers read never holds it (the stored raw bytes still do).
 */
export function parseGraphNotifications(req: IncomingWebhook): Record<string, unknown> {
  const payload = parseJsonObject(req.rawBody);
  const notifications = notificationsOf(payload);
  if (!notifications) return payload;
  return {
    ...payload,
    value: notifications.map((n) => {
      if (n === null || typeof n !== 'object' || Array.isArray(n)) return n;
      const rest = { ...(n as Record<string, unknown>) };
      delete rest.clientState;
      return rest;
    }),
  };
}

/** The `value` array of a change notification collection, or undefined. */
function notificationsOf(payload: unknown): unknown[] | undefined {
  const value = (payload as { value?: unknown } | null)?.value;
  return Array.isArray(value) && value.length > 0 ? value : undefined;
}

/**
 * Microsoft Graph signs basic notifications with nothing but the `clientState` given when the
 * subscription was created (learn.microsoft.com graph/change-notifications-delivery-webhooks,
 * "Processing the change notification": check it on every notification). Every notification
 * of the collection must carry a configured one: one forged item must not ride along.
 */
export function verifyClientState(req: IncomingWebhook, secrets: readonly string[]): VerifyResult {
  let payload: unknown;
  try {
    payload = parseJsonBody(req.rawBody);
  } catch {
    return refuse('The body is not JSON, so it carries no clientState.');
  }
  const notifications = notificationsOf(payload);
  if (!notifications) return refuse('The body has no notifications ("value"), so no clientState.');
  let first = -1;
  for (const notification of notifications) {
    const clientState = stringAt(notification, 'clientState');
    if (!clientState) return refuse('A notification has no clientState.');
    const index = matchAnySecret(secrets, [clientState], (secret) => secret);
    if (index < 0)
      return refuse("A notification's clientState does not match any configured secret.");
    if (first < 0) first = index;
  }
  return { ok: true, secretIndex: first };
}

/**
 * type: the notifications' `changeType` (`created`, `updated`, `deleted`), `lifecycle.` + the
 * `lifecycleEvent` of lifecycle notifications (`lifecycle.reauthorizationRequired`), or `mixed`.
 * Graph sends no delivery id; a resent collection repeats the same notifications, so the id is
 * a SHA-256 over each one's subscription, resource, change and resource etag.
 */
export function normalizeGraphNotifications(
  _req: IncomingWebhook,
  payload: unknown,
): NormalizedEvent {
  const notifications = notificationsOf(payload);
  if (!notifications) throw new MalformedBodyError('the body has no notifications ("value")');
  const types = notifications.map((n) => {
    const lifecycle = stringAt(n, 'lifecycleEvent');
    return lifecycle ? `lifecycle.${lifecycle}` : stringAt(n, 'changeType');
  });
  if (types.some((type) => !type)) {
    throw new MalformedBodyError('a notification has neither changeType nor lifecycleEvent');
  }
  const hash = createHash('sha256');
  for (const n of notifications) {
    const etag = stringAt(n, 'resourceData', '@odata.etag');
    const parts = [
      stringAt(n, 'subscriptionId'),
      stringAt(n, 'resource'),
      stringAt(n, 'changeType'),
      stringAt(n, 'lifecycleEvent'),
      etag,
    ];
    hash.update(JSON.stringify(parts)).update('\n');
  }
  return { type: commonType(types as string[])!, providerDeliveryId: hash.digest('hex') };
}
