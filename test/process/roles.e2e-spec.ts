import { Injectable } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, validateConfig } from '../../src/config/config.loader';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../../src/dispatch/webhook-event';
import { auth, deliveryDetail } from '../helpers/dispatch';
import { postGithub } from '../helpers/github';
import { isolatedSchemaUrl, isPostgresUrl } from '../helpers/pg-database';
import { createTestApp, testConfig, testDatabaseUrl, waitFor } from '../helpers/test-app';

/** HOOKGATE_ROLE: api processes receive, worker processes dispatch (both engines). */
const SECRET = 'github-test-secret';
const handled: string[] = [];

@Injectable()
class RecordingHandler {
  @OnWebhook('github', 'push', { name: 'record' })
  handle(event: WebhookEvent) {
    handled.push(event.id);
  }
}

describe('roles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-roles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const endpoints = [{ provider: 'github', id: 'acme', secrets: [SECRET] }];

  it('HOOKGATE_ROLE overrides the file; api turns the workers off', () => {
    expect(validateConfig({ endpoints }).role).toBe('all');
    const { config } = loadConfig({
      DATABASE_URL: 'sqlite::memory:',
      HOOKGATE_ROLE: 'api',
    });
    expect(config.role).toBe('api');
    expect(config.dispatch.enabled).toBe(false);
    expect(validateConfig({ role: 'worker', endpoints }).dispatch.enabled).toBe(true);
  });

  it('refuses an unknown role and a worker that may not dispatch, naming the field', () => {
    expect(() => loadConfig({ HOOKGATE_ROLE: 'edge' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOOKGATE_ROLE: 'edge' })).toThrow(
      /role must be one of the following values: all, api, worker/,
    );
    expect(() =>
      validateConfig({ role: 'worker', dispatch: { enabled: false }, endpoints }),
    ).toThrow(/role "worker" with dispatch.enabled: false/);
  });

  it('a worker answers /health and /metrics, and 404 on webhooks and the admin API', async () => {
    const t = await createTestApp(testConfig({ role: 'worker' }));
    try {
      expect((await t.http().get('/health')).status).toBe(200);
      expect((await t.http().get('/metrics')).status).toBe(200);
      const body = '{"ref":"refs/heads/main"}';
      const res = await postGithub(t, SECRET, body, 'push');
      expect(res.status).toBe(404);
      expect((await t.http().get('/admin/deliveries').set(auth)).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it('an api process stores without dispatching; a worker on the same store runs the handler', async () => {
    // One store for two apps: a schema of its own on PostgreSQL, a file on SQLite.
    const url = isPostgresUrl(testDatabaseUrl())
      ? await isolatedSchemaUrl(testDatabaseUrl())
      : `sqlite:${join(dir, 'shared.sqlite')}`;
    const shared = { database: { url }, dispatch: { pollIntervalMs: 50 } };
    const api = await createTestApp(testConfig({ ...shared, role: 'api' }), {
      providers: [RecordingHandler],
    });
    try {
      const body = '{"ref":"refs/heads/main"}';
      const res = await postGithub(api, SECRET, body, 'push');
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(handled).toEqual([]);
      expect((await deliveryDetail(api, res.body.id)).status).toBe('pending');

      const worker = await createTestApp(testConfig({ ...shared, role: 'worker' }), {
        providers: [RecordingHandler],
      });
      try {
        await waitFor(() => handled.includes(res.body.id), 10_000, 'the worker to run it');
        await waitFor(
          async () => (await deliveryDetail(api, res.body.id)).status === 'succeeded',
          10_000,
          'the delivery to succeed',
        );
      } finally {
        await worker.close();
      }
    } finally {
      await api.close();
    }
  });
});
