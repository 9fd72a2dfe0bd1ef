import { Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { HOOKGATE_CONNECTION } from '../../src/store/connection';
import { waitForRun } from '../helpers/dispatch';
import { githubHeaders, githubSignature } from '../helpers/github';
import { sample } from '../helpers/metrics';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';

const OLD = 'old-github-secret';
const NEW = 'new-github-secret';
const METRICS_TOKEN = 'metrics-token-0123456789';

@Injectable()
class Failing {
  @OnWebhook('github', 'issues.*', { name: 'always-fails' })
  handle() {
    throw new Error('nope');
  }
}

describe('metrics', () => {
  let t: TestApp;
  const scrape = async () =>
    (await t.http().get('/ops/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`)).text;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        http: { maxBodyBytes: 2048 },
        metrics: { path: '/ops/metrics', token: METRICS_TOKEN },
        dispatch: {
          pollIntervalMs: 20,
          retry: { maxAttempts: 2, initialDelayMs: 0, maxDelayMs: 0 },
        },
        endpoints: [{ provider: 'github', id: 'acme', secrets: [NEW, OLD] }],
      }),
      { providers: [Failing] },
    );
  });
  afterAll(() => t.close());

  it('needs its token when one is configured, and serves Prometheus text at the configured path', async () => {
    expect((await t.http().get('/ops/metrics')).status).toBe(401);
    expect(
      (await t.http().get('/ops/metrics').set('authorization', 'Bearer wrong-token-000000')).status,
    ).toBe(401);
    const res = await t.http().get('/ops/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.text).toContain('hookgate_process_resident_memory_bytes');
    expect((await t.http().get('/metrics')).status).toBe(404);
  });

  it('counts accepted, duplicate and every refusal by reason, the secret index and ack latency', async () => {
    const body = '{"action":"opened","issue":{"number":1}}';
    const post = (headers: Record<string, string>, payload: string = body) =>
      postRaw(t, '/webhooks/github/acme', headers, payload);
    expect((await post(githubHeaders(OLD, body, 'issues', 'm-1'))).status).toBe(200);
    expect((await post(githubHeaders(OLD, body, 'issues', 'm-1'))).status).toBe(200);
    expect((await post(githubHeaders(NEW, body, 'push', 'm-2'), body)).status).toBe(200);
    expect(
      (
        await post({
          ...githubHeaders(OLD, body, 'issues'),
          'x-hub-signature-256': githubSignature('x', body),
        })
      ).status,
    ).toBe(401);
    expect(
      (await post({ ...githubHeaders(OLD, body, 'issues'), 'content-type': 'text/plain' })).status,
    ).toBe(415);
    const big = JSON.stringify({ pad: 'x'.repeat(4000) });
    expect((await post(githubHeaders(OLD, big, 'issues'), big)).status).toBe(413);
    expect((await post(githubHeaders(OLD, '{', 'issues'), '{')).status).toBe(400);
    expect(
      (await postRaw(t, '/webhooks/github/nope', githubHeaders(OLD, body, 'issues'), body)).status,
    ).toBe(404);
    expect((await t.http().put('/webhooks/github/acme')).status).toBe(405);

    const text = await scrape();
    const count = (outcome: string) =>
      sample(text, 'hookgate_deliveries_received_total', {
        provider: 'github',
        endpoint: 'acme',
        outcome,
      });
    expect(count('accepted')).toBe(2);
    expect(count('duplicate')).toBe(1);
    expect(count('signature')).toBe(1);
    expect(count('unsupported-media-type')).toBe(1);
    expect(count('too-large')).toBe(1);
    expect(count('malformed')).toBe(1);
    expect(count('method-not-allowed')).toBe(1);
    expect(
      sample(text, 'hookgate_deliveries_received_total', {
        provider: 'unknown',
        endpoint: 'unknown',
        outcome: 'unknown-endpoint',
      }),
    ).toBe(1);
    // Which secret matched, for stored deliveries: index 1 (OLD) for m-1 and its duplicate, index 0 (NEW) for m-2.
    expect(
      sample(text, 'hookgate_secret_matches_total', {
        provider: 'github',
        endpoint: 'acme',
        secret_index: '1',
      }),
    ).toBe(2);
    expect(
      sample(text, 'hookgate_secret_matches_total', {
        provider: 'github',
        endpoint: 'acme',
        secret_index: '0',
      }),
    ).toBe(1);
    expect(
      sample(text, 'hookgate_ack_duration_seconds_count', { provider: 'github', endpoint: 'acme' }),
    ).toBe(3);
    // No secret ever appears in the metrics.
    expect(text).not.toContain(OLD);
    expect(text).not.toContain(NEW);
  });

  it('times every inbox commit and counts the deliveries that shared it', async () => {
    const before = await scrape();
    const body = '{"action":"opened","issue":{"number":2}}';
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postRaw(t, '/webhooks/github/acme', githubHeaders(NEW, body, 'issues', `c-${i}`), body),
      ),
    );
    expect(answers.map((res) => res.status)).toEqual(Array(12).fill(200));
    const after = await scrape();
    // A missing series reads as NaN, which fails every expectation below.
    const grew = (name: string) => (sample(after, name) ?? NaN) - (sample(before, name) ?? NaN);
    expect(grew('hookgate_inbox_commit_deliveries_sum')).toBe(12);
    const commits = grew('hookgate_inbox_commit_deliveries_count');
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(12);
    expect(grew('hookgate_inbox_commit_duration_seconds_count')).toBe(commits);
    expect(grew('hookgate_inbox_commit_duration_seconds_sum')).toBeGreaterThan(0);
    // Refused requests never reach the inbox.
    await postRaw(t, '/webhooks/github/acme', githubHeaders('wrong-secret', body, 'issues'), body);
    expect(sample(await scrape(), 'hookgate_inbox_commit_deliveries_sum')).toBe(
      sample(after, 'hookgate_inbox_commit_deliveries_sum'),
    );
  });

  it('counts handler runs by outcome, their durations, and dead runs in the backlog gauges', async () => {
    const body = '{"action":"closed"}';
    const res = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders(OLD, body, 'issues', 'm-dead'),
      body,
    );
    await waitForRun(t, res.body.id, 'always-fails', (r) => r.status === 'dead');
    const text = await scrape();
    expect(
      sample(text, 'hookgate_runs_total', { handler: 'always-fails', outcome: 'failed' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'hookgate_runs_total', { handler: 'always-fails', outcome: 'dead' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'hookgate_run_duration_seconds_count', { handler: 'always-fails' }),
    ).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'hookgate_runs_dead')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'hookgate_runs_due')).toBe(0);
    expect(sample(text, 'hookgate_runs_oldest_due_age_seconds')).toBe(0);
  });
});

describe('backlog of deliveries no worker has planned', () => {
  it('counts them, with the age of the oldest, where the runs backlog cannot see them', async () => {
    const clock = new ManualClock();
    const t = await createTestApp(
      testConfig({
        metrics: { token: METRICS_TOKEN },
        // An edge whose workers are down: nothing plans what it stores.
        dispatch: { enabled: false },
        endpoints: [{ provider: 'github', id: 'acme', secrets: [NEW] }],
      }),
      { clock },
    );
    const scrape = async () =>
      (await t.http().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`)).text;
    try {
      let text = await scrape();
      expect(sample(text, 'hookgate_deliveries_unplanned')).toBe(0);
      expect(sample(text, 'hookgate_deliveries_oldest_unplanned_age_seconds')).toBe(0);
      for (const id of ['u-1', 'u-2', 'u-3']) {
        const body = JSON.stringify({ ref: id });
        const res = await postRaw(
          t,
          '/webhooks/github/acme',
          githubHeaders(NEW, body, 'push', id),
          body,
        );
        expect(res.status).toBe(200);
        clock.advance(30_000);
      }
      text = await scrape();
      expect(sample(text, 'hookgate_deliveries_unplanned')).toBe(3);
      // The first was received 90 s ago on the gateway's clock.
      expect(sample(text, 'hookgate_deliveries_oldest_unplanned_age_seconds')).toBe(90);
      expect(sample(text, 'hookgate_runs_due')).toBe(0);
    } finally {
      await t.close();
    }
  });
});

describe('readiness', () => {
  it('reports store, migrations and worker; 503 naming the store when it is unavailable', async () => {
    const t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 20 } }));
    try {
      const ready = await t.http().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info).toMatchObject({
        store: { status: 'up' },
        migrations: { status: 'up' },
        worker: { status: 'up', state: 'running' },
      });
      await t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION)).destroy();
      const down = await t.http().get('/health/ready');
      expect(down.status).toBe(503);
      expect(down.body.error.store.status).toBe('down');
      expect((await t.http().get('/health')).status).toBe(503);
    } finally {
      await t.close();
    }
  });

  it('reports the worker as disabled (and ready) on an edge-only process', async () => {
    const t = await createTestApp(testConfig({ dispatch: { enabled: false } }));
    try {
      const ready = await t.http().get('/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.info.worker).toEqual({ status: 'up', state: 'disabled' });
    } finally {
      await t.close();
    }
  });
});
