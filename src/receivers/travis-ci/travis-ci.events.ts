import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';

/**
 * Type `<type>.<state>`: what started the build (`push`, `pull_request`, `cron`, `api`) and the
 * state it reached (`started`, `passed`, `failed`, `errored`, `canceled`, ...), both from the
 * payload (https://docs.travis-ci.com/user/notifications/#webhooks-delivery-format; fields as
 * travis-tasks builds them in lib/travis/addons/webhook/payload.rb).
 *
 * Delivery id `<id>:<state>:<time>`: `id` is the build's, so it repeats for the build's start
 * and finish notifications and again when the build is restarted; the state and the time of
 * that state (`finished_at`, else `started_at`) tell those apart, while a replay of the same
 * notification keeps them all.
 */
export function normalizeTravisBuild(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const build = payload as Record<string, unknown>;
  const { id, type, state } = build;
  if (typeof id !== 'number' && typeof id !== 'string') {
    throw new MalformedBodyError('the Travis CI payload has no build "id"');
  }
  if (typeof type !== 'string' || type === '' || typeof state !== 'string' || state === '') {
    throw new MalformedBodyError('the Travis CI payload has no "type" and "state"');
  }
  const at = timeOf(build.finished_at) ?? timeOf(build.started_at);
  return {
    type: `${type}.${state}`,
    providerDeliveryId: `${String(id)}:${state}:${at?.raw ?? ''}`,
    occurredAt: at?.date,
  };
}

function timeOf(value: unknown): { raw: string; date: Date } | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : { raw: value, date };
}
