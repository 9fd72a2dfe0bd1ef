import type { DestinationStream } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { validateConfig } from '../config/config.loader';
import { RECEIVERS } from '../receivers/receivers';
import { loggingParams } from './logging';

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
