import { amqpRoutingKey } from './brokers/amqp-routing-key';
import { natsSubject, natsSubjectFilter, natsSubjectProblem } from './brokers/nats-subject';
import { fillPlaceholders, unknownPlaceholders } from './placeholders';

const values = (type: string, endpoint = 'acme') => ({ provider: 'github', endpoint, type });

describe('placeholders in subjects, routing keys and stream keys', () => {
  it('fills {provider}, {endpoint} and {type}, and names the ones it does not know', () => {
    const template = 'hg:{provider}:{endpoint}:{type}:{tenant}';
    expect(unknownPlaceholders(template)).toEqual(['tenant']);
    expect(fillPlaceholders(template, values('a b*'))).toBe('hg:github:acme:a b*:{tenant}');
  });

  it.each([
    ['pull_request.opened', 'hg.github.acme.pull_request.opened'],
    ['orders/create', 'hg.github.acme.orders/create'],
    ['repo:push', 'hg.github.acme.repo:push'],
    ['odd event*', 'hg.github.acme.odd_event_'],
    ['a>b\tc', 'hg.github.acme.a_b_c'],
    ['.lead..trail.', 'hg.github.acme._.lead._.trail._'],
    ['', 'hg.github.acme._'],
  ])(
    'NATS: type %j → subject %s (dots stay tokens; space * > and empty tokens → _)',
    (type, subject) => {
      expect(natsSubject('hg.{provider}.{endpoint}.{type}', values(type))).toBe(subject);
    },
  );

  it.each([
    ['pull_request.opened', 'github.acme.pull_request.opened'],
    ['odd event*', 'github.acme.odd_event_'],
    ['a#b', 'github.acme.a_b'],
    ['x>y', 'github.acme.x>y'],
    ['a..b', 'github.acme.a._.b'],
  ])(
    'AMQP: type %j → routing key %s (dots stay words; space * # and empty words → _)',
    (type, key) => {
      expect(amqpRoutingKey('{provider}.{endpoint}.{type}', values(type))).toBe(key);
    },
  );

  it.each([
    ['hg.{provider}.{type}', undefined],
    ['hg.{type}.x', undefined],
    ['hg. {type}', 'may not contain whitespace, "*" or ">" (a published subject has no wildcards)'],
    [
      'hg.*.{type}',
      'may not contain whitespace, "*" or ">" (a published subject has no wildcards)',
    ],
    ['hg.>', 'may not contain whitespace, "*" or ">" (a published subject has no wildcards)'],
    ['hg..{type}', 'may not start or end with "." or have an empty token ("..")'],
    ['.hg', 'may not start or end with "." or have an empty token ("..")'],
    ['', 'may not start or end with "." or have an empty token ("..")'],
  ])('NATS subject template %j: %s', (template, problem) => {
    expect(natsSubjectProblem(template)).toBe(problem);
  });

  it.each([
    ['hg.{provider}.{endpoint}.{type}', 'hg.*.*.>'],
    ['hg.{type}.in', 'hg.*.in'],
    ['hg.fixed', 'hg.fixed'],
    ['hg.{endpoint}', 'hg.*'],
  ])('the start-up stream check looks for %s as %s', (template, filter) => {
    expect(natsSubjectFilter(template)).toBe(filter);
  });
});
