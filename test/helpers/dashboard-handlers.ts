import { Injectable } from '@nestjs/common';
import { PermanentFailure } from '../../src/dispatch/failures';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { postGithub } from './github';
import { waitFor, type TestApp } from './test-app';

/** The browser tests steer the tracker: down (its runs die at once) until they bring it up. */
export const tracker = { down: true };

/** A handler that always succeeds and one that fails while the tracker is down. */
@Injectable()
export class DashboardTestHandlers {
  @OnWebhook('github', 'push', { name: 'Notify.onPush' })
  async notify(): Promise<void> {}

  @OnWebhook('github', 'issues.*', { name: 'Tracker.onIssue' })
  async track(): Promise<void> {
    if (tracker.down) throw new PermanentFailure('tracker is down: 503 from tracker.internal');
  }
}

export const GITHUB_SECRET = 'github-test-secret';

/** Send a signed GitHub delivery through the app; returns its gateway id. */
export async function sendGithub(
  t: TestApp,
  event: string,
  payload: object,
  providerDeliveryId?: string,
): Promise<string> {
  const res = await postGithub(
    t,
    GITHUB_SECRET,
    JSON.stringify(payload),
    event,
    providerDeliveryId,
  );
  if (res.status !== 200) throw new Error(`POST ${event} -> ${res.status} ${res.text}`);
  return res.body.id;
}

/** Wait until the worker has finished every run of the delivery (none pending or processing). */
export async function settled(t: TestApp, id: string, auth: Record<string, string>): Promise<void> {
  await waitFor(
    async () => {
      const res = await t.http().get(`/admin/deliveries/${id}`).set(auth);
      const runs = (res.body.runs ?? []) as { status: string }[];
      return (
        runs.length > 0 && runs.every((r) => r.status !== 'pending' && r.status !== 'processing')
      );
    },
    10_000,
    `delivery ${id} to settle`,
  );
}
