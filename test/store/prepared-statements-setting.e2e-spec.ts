import * as postgresInbox from '../../src/store/postgres/postgres-inbox-insert';
import { githubHeaders } from '../helpers/github';
import { isPostgresUrl } from '../helpers/pg-database';
import { createTestApp, postRaw, testConfig, testDatabaseUrl } from '../helpers/test-app';

const SECRET = 'github-test-secret';

/**
 * PostgreSQL only: `database.preparedStatements` reaches the inbox. Off, each batch is sent
 * unnamed (a transaction-mode pooler that does not track prepared statements); on by default.
 */
const onPostgres = isPostgresUrl(testDatabaseUrl()) ? describe : describe.skip;

onPostgres('the setting database.preparedStatements', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['by default', {}, true],
    ['when set to false', { preparedStatements: false }, false],
  ])('reaches the inbox %s', async (_case, setting, prepared) => {
    const insert = jest.spyOn(postgresInbox, 'insertDeliveriesPostgres');
    const t = await createTestApp(testConfig({ database: { url: testDatabaseUrl(), ...setting } }));
    try {
      const body = Buffer.from('{"ref":"refs/heads/main"}');
      const res = await postRaw(
        t,
        '/webhooks/github/acme',
        githubHeaders(SECRET, body, 'push'),
        body,
      );
      expect(res.status).toBe(200);
      expect(insert).toHaveBeenCalledTimes(1);
      expect(insert.mock.calls[0][2]).toEqual({ prepared });
    } finally {
      await t.close();
    }
  });
});
