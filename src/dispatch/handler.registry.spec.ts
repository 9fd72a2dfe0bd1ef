import { HandlerRegistry, type RegisteredHandler } from './handler.registry';

const handler = (fields: Partial<RegisteredHandler>): RegisteredHandler => ({
  name: 'h',
  provider: 'github',
  pattern: '*',
  source: 'spec',
  invoke: async () => undefined,
  ...fields,
});

describe('HandlerRegistry', () => {
  const delivery = (type: string) => ({ provider: 'github', endpoint: 'acme', type });

  it('matches a list of patterns when any of them matches (a forward target’s types)', () => {
    const registry = new HandlerRegistry();
    registry.register(handler({ name: 'filtered', pattern: ['issues.*', 'push'] }));
    registry.register(handler({ name: 'all' }));
    const names = (type: string) => registry.matching(delivery(type)).map((h) => h.name);
    expect(names('issues.opened')).toEqual(['filtered', 'all']);
    expect(names('push')).toEqual(['filtered', 'all']);
    expect(names('pull_request.opened')).toEqual(['all']);
  });

  it('finds a handler by its former name, for runs recorded before it was renamed', () => {
    const registry = new HandlerRegistry();
    const target = handler({
      name: 'forward:acme:https://h/x?code=***',
      formerName: 'forward:acme:https://h/x?code=abc',
    });
    registry.register(target);
    expect(registry.get('forward:acme:https://h/x?code=abc')).toBe(target);
    expect(registry.get(target.name)).toBe(target);
    expect(registry.all()).toEqual([target]);
  });
});
