import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { validateConfig } from '../config/config.loader';
import { RECEIVERS } from '../receivers/receivers';
import { loggingParams, secretScrubber } from './logging';

describe('loggingParams', () => {
  it("redacts the token provider's configured header, besides the built-in ones", () => {
    const config = validateConfig({
      database: { url: 'sqlite::memory:' },
      admin: { token: 'admin-token-0123456789' },
      endpoints: [
        {
          provider: 'token',
          id: 'ops',
          secrets: ['t-0123456789'],
          options: { header: 'X-Ops-Token' },
        },
        { provider: 'token', id: 'code', secrets: ['t-0123456789'], options: { query: 'code' } },
      ],
    });
    const destination = { write: () => undefined } as unknown as DestinationStream;
    const params = loggingParams(config, RECEIVERS, true, destination);
    const [options] = params.pinoHttp as [PinoHttpOptions, DestinationStream];
    const paths = (options.redact as { paths: string[] }).paths;
    expect(paths).toEqual(
      expect.arrayContaining([
        'req.headers["x-ops-token"]',
        'req.headers["x-gitlab-token"]',
        'req.headers["authorization"]',
      ]),
    );
  });
});

describe('secretScrubber', () => {
  it("masks forward targets' URL passwords, lone user names (tokens) and query values", () => {
    const scrub = secretScrubber(
      validateConfig({
        database: { url: 'sqlite::memory:' },
        endpoints: [
          {
            provider: 'github',
            id: 'acme',
            secrets: ['github-secret-1'],
            forward: [
              { url: 'amqp://hookgate:amqp-pass-1@rabbit/', exchange: 'x', routingKey: 'k' },
              { url: 'nats://nats-token-1@nats:4222', subject: 's' },
              { url: 'https://fn.example/hook?code=query-code-1' },
            ],
          },
        ],
      }),
    );
    expect(scrub('hookgate amqp-pass-1 nats-token-1 query-code-1 github-secret-1')).toBe(
      'hookgate [REDACTED] [REDACTED] [REDACTED] [REDACTED]',
    );
  });
});
