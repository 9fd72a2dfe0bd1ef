import { ConfigError, validateConfig } from './config.loader';

const endpoint = { provider: 'github', id: 'acme', secrets: ['s3cret-value'] };
const withTargets = (...forward: Record<string, unknown>[]) => ({
  endpoints: [{ ...endpoint, forward }],
});

describe('forward targets are validated at start-up, with the field named', () => {
  it('accepts each kind with its own fields', () => {
    const config = validateConfig(
      withTargets(
        { url: 'https://billing.internal/hooks', format: 'cloudevents', types: ['invoice.*'] },
        { url: 'nats://127.0.0.1:4222', subject: 'hg.{provider}.{endpoint}.{type}' },
        { url: 'amqp://guest:guest@127.0.0.1:5672/', exchange: 'hg', routingKey: '{type}' },
        { url: 'amqps://rabbit.internal/', exchange: '', routingKey: 'webhooks' },
        { url: 'redis://127.0.0.1:6379', stream: 'hg:{endpoint}', maxLen: 10000 },
        { url: 'rediss://cache.internal:6380', stream: 'hg', types: ['push', 'issues.*'] },
      ),
    );
    expect(config.endpoints[0].forward?.map((f) => f.timeoutMs)).toEqual(Array(6).fill(10_000));
  });

  it.each([
    [
      'a scheme no target has',
      { url: 'ftp://h/x' },
      /forward\[0\]\.url must start with one of http:\/\//,
    ],
    ['no host', { url: 'nats://' }, /forward\[0\]\.url is not a valid URL with a host/],
    [
      'a NATS target without a subject',
      { url: 'nats://h:4222' },
      /forward\[0\]\.subject is required: the JetStream subject/,
    ],
    [
      'an AMQP target without an exchange',
      { url: 'amqp://h', routingKey: 'k' },
      /forward\[0\]\.exchange is required/,
    ],
    [
      'an AMQP target without a routing key',
      { url: 'amqp://h', exchange: 'x' },
      /forward\[0\]\.routingKey is required/,
    ],
    [
      'the default exchange with no queue',
      { url: 'amqp://h', exchange: '', routingKey: '' },
      /forward\[0\]\.routingKey must name a queue/,
    ],
    ['a Redis target without a stream', { url: 'redis://h' }, /forward\[0\]\.stream is required/],
    ['an empty stream', { url: 'redis://h', stream: '' }, /forward\[0\]\.stream is required/],
    [
      'a subject on an HTTP target',
      { url: 'http://h/x', subject: 's' },
      /forward\[0\]\.subject is only for nats targets, not http ones/,
    ],
    [
      'a secret on a broker',
      { url: 'redis://h', stream: 's', secret: `whsec_${'A'.repeat(32)}` },
      /forward\[0\]\.secret is only for http targets/,
    ],
    [
      'maxLen on NATS',
      { url: 'nats://h', subject: 's', maxLen: 5 },
      /forward\[0\]\.maxLen is only for redis targets/,
    ],
    [
      'the envelope format on a broker',
      { url: 'nats://h', subject: 's', format: 'envelope' },
      /forward\[0\]\.format "envelope" is for HTTP targets/,
    ],
    [
      'an unknown format',
      { url: 'http://h/x', format: 'xml' },
      /forward\[0\]\.format must be one of/,
    ],
    [
      'an unknown placeholder',
      { url: 'nats://h', subject: 'hg.{tenant}' },
      /forward\[0\]\.subject has an unknown placeholder \{tenant\}: use \{provider\}, \{endpoint\}, \{type\}/,
    ],
    [
      'a wildcard in a subject',
      { url: 'nats://h', subject: 'hg.*' },
      /forward\[0\]\.subject may not contain whitespace, "\*" or ">"/,
    ],
    [
      'an empty subject token',
      { url: 'nats://h', subject: 'hg..{type}' },
      /forward\[0\]\.subject may not start or end with "\."/,
    ],
    [
      'a bad type pattern',
      { url: 'http://h/x', types: ['push', 'issues*'] },
      /forward\[0\]\.types\[1\] "issues\*" is not a type pattern/,
    ],
    [
      'an empty types list',
      { url: 'http://h/x', types: [] },
      /forward\[0\]\.types must list at least one pattern/,
    ],
    [
      'a maxLen under 1',
      { url: 'redis://h', stream: 's', maxLen: 0 },
      /forward\[0\]\.maxLen must not be less than 1/,
    ],
  ])('refuses %s', (_case, target, message) => {
    expect(() => validateConfig(withTargets(target))).toThrow(ConfigError);
    expect(() => validateConfig(withTargets(target))).toThrow(message);
  });

  it('refuses two targets that send to the same place, naming both', () => {
    expect(() =>
      validateConfig(
        withTargets(
          { url: 'nats://h:4222', subject: 'hg.{type}', types: ['push'] },
          { url: 'nats://other-user@h:4222', subject: 'hg.{type}', types: ['issues.*'] },
        ),
      ),
    ).toThrow(/endpoints\[0\]\.forward\[1\] sends to the same place as forward\[0\]/);
  });

  it('never quotes a target URL, which may hold a password', () => {
    const url = 'ftp://admin:hunter2-secret@h/x';
    expect(() => validateConfig(withTargets({ url }))).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2-secret') }),
    );
  });
});
