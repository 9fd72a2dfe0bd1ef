import type { IncomingWebhook } from '../receiver';
import mergeRequestHook from './fixtures/merge-request-hook.json';
import pushHook from './fixtures/push-hook.json';
import { gitlabReceiver as receiver } from './gitlab.receiver';

const normalize = (body: unknown, headers: Record<string, string> = {}) => {
  const req: IncomingWebhook = {
    method: 'POST',
    url: 'http://localhost/webhooks/gitlab/x',
    query: {},
    headers,
    rawBody: Buffer.from(JSON.stringify(body)),
    contentType: 'application/json',
  };
  return receiver.normalize(req, receiver.parse(req));
};

describe('GitLab receiver', () => {
  it.each([
    ['the push hook sample', pushHook, 'push'],
    ['the merge request hook sample', mergeRequestHook, 'merge_request.open'],
    [
      'a merge request merged',
      { ...mergeRequestHook, object_attributes: { action: 'merge' } },
      'merge_request.merge',
    ],
    [
      'a system hook with only event_name',
      { event_name: 'project_create', name: 'StoreCloud' },
      'project_create',
    ],
  ])('types %s', (_case, body, type) => {
    expect(normalize(body).type).toBe(type);
  });

  it.each([
    [
      'Idempotency-Key first',
      { 'idempotency-key': 'idem-1', 'x-gitlab-event-uuid': 'uuid-1' },
      'idem-1',
    ],
    [
      'X-Gitlab-Event-UUID without an Idempotency-Key',
      { 'x-gitlab-event-uuid': 'uuid-1' },
      'uuid-1',
    ],
    ['nothing when neither is sent', {}, undefined],
  ])('takes the delivery id from %s', (_case, headers, expected) => {
    expect(normalize(pushHook, headers).providerDeliveryId).toBe(expected);
  });

  it('refuses a body with neither object_kind nor event_name (400)', () => {
    expect(() => normalize({ ref: 'refs/heads/main' })).toThrow(/object_kind/);
  });

  it('never stores the plain token header', () => {
    expect(receiver.secretHeaders).toEqual(['x-gitlab-token']);
  });

  it.each([
    [undefined, { toleranceSeconds: 300 }],
    [{ toleranceSeconds: 60 }, { toleranceSeconds: 60 }],
  ])('parses options %j', (options, expected) => {
    expect(receiver.parseOptions!(options)).toEqual(expected);
  });

  it.each([
    [{ toleranceSeconds: -1 }, /^options\.toleranceSeconds must be/],
    [{ secretToken: 'x' }, /^options\.secretToken is not a known option/],
  ])('refuses options %j at start-up', (options, message) => {
    expect(() => receiver.parseOptions!(options)).toThrow(message);
  });
});
