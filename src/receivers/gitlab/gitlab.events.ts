import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';

/**
 * `type` is the body's `object_kind`, refined by `object_attributes.action` when present
 * (`merge_request` + `open` → `merge_request.open`). System hooks that carry only
 * `event_name` (`project_create`) use that instead of failing: GitLab permanently disables a
 * hook that keeps getting 4xx answers. The delivery id is `Idempotency-Key` (stable across
 * GitLab's retries), else `X-Gitlab-Event-UUID`.
 */
export function normalizeGitlabEvent(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const kind = stringAt(payload, 'object_kind') ?? stringAt(payload, 'event_name');
  if (!kind) throw new MalformedBodyError('the body has neither "object_kind" nor "event_name"');
  const action = stringAt(payload, 'object_attributes', 'action');
  return {
    type: action ? `${kind}.${action}` : kind,
    providerDeliveryId:
      req.headers['idempotency-key'] || req.headers['x-gitlab-event-uuid'] || undefined,
  };
}
