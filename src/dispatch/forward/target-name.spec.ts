import { ForwardConfig } from '../../config/forward.config';
import {
  displayUrl,
  formerForwardTargetName,
  forwardTargetName,
  urlSecrets,
  withoutUrlSecrets,
} from './target-name';

const target = (fields: Partial<ForwardConfig>): ForwardConfig =>
  Object.assign(new ForwardConfig(), fields);

describe('forward target names never show credentials', () => {
  it.each([
    ['https://billing.internal/hooks', 'https://billing.internal/hooks'],
    ['http://127.0.0.1:8080/in', 'http://127.0.0.1:8080/in'],
    ['amqp://guest:s3cret@rabbit:5672/vhost', 'amqp://rabbit:5672/vhost'],
    ['nats://tok3n@nats.internal:4222', 'nats://nats.internal:4222'],
    ['redis://:p%40ss@redis:6379/2', 'redis://redis:6379/2'],
    ['https://fn.example/api/hook?code=abc123&x=1', 'https://fn.example/api/hook?code=***&x=***'],
    ['https://user:pw@host/p?token=t', 'https://host/p?token=***'],
  ])('%s is shown as %s', (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });

  it('lists the parts that may be secrets, as written and decoded, and masks them in text', () => {
    const url = 'redis://admin:p%40ss@redis:6379?key=k1';
    expect(urlSecrets(url).sort()).toEqual(['k1', 'p%40ss', 'p@ss'].sort());
    expect(withoutUrlSecrets('WRONGPASS for admin with p@ss (k1)', url)).toBe(
      'WRONGPASS for admin with *** (***)',
    );
    // A user name alone is a token.
    expect(urlSecrets('nats://s3cr3t-token@nats:4222')).toEqual(['s3cr3t-token']);
  });

  it('names a broker target by its destination, without credentials', () => {
    expect(
      forwardTargetName(
        'acme',
        target({ url: 'nats://t0k@127.0.0.1:4222', subject: 'hg.{provider}.{type}' }),
      ),
    ).toBe('forward:acme:nats://127.0.0.1:4222#hg.{provider}.{type}');
    expect(
      forwardTargetName(
        'acme',
        target({ url: 'amqp://guest:guest@h:5672/', exchange: 'hookgate', routingKey: '{type}' }),
      ),
    ).toBe('forward:acme:amqp://h:5672/#hookgate/{type}');
    expect(
      forwardTargetName('acme', target({ url: 'rediss://:pw@h:6380', stream: 'hg:{endpoint}' })),
    ).toBe('forward:acme:rediss://h:6380#hg:{endpoint}');
  });

  it('keeps the name of an HTTP target without credentials, and remembers the former name of one with', () => {
    const plain = target({ url: 'http://127.0.0.1:9000/in' });
    expect(forwardTargetName('acme', plain)).toBe('forward:acme:http://127.0.0.1:9000/in');
    expect(formerForwardTargetName('acme', plain)).toBeUndefined();
    const withQuery = target({ url: 'https://fn.example/hook?code=abc' });
    expect(forwardTargetName('acme', withQuery)).toBe(
      'forward:acme:https://fn.example/hook?code=***',
    );
    expect(formerForwardTargetName('acme', withQuery)).toBe(
      'forward:acme:https://fn.example/hook?code=abc',
    );
  });
});
