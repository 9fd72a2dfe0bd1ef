import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RECEIVERS, findReceiver } from './receivers';

describe('receiver registry', () => {
  const folders = readdirSync(__dirname).filter(
    (name) => name !== 'shared' && statSync(join(__dirname, name)).isDirectory(),
  );

  it.each(folders)('lists the receiver in folder %s', (folder) => {
    expect(findReceiver(folder)).toBeDefined();
  });

  it('has unique names and aliases', () => {
    const names = RECEIVERS.flatMap((r) => [r.name, ...(r.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(RECEIVERS.map((r) => [r.name, r] as const))(
    '%s declares lower-case media types',
    (_name, receiver) => {
      expect(receiver.contentTypes.length).toBeGreaterThan(0);
      for (const type of receiver.contentTypes) expect(type).toBe(type.toLowerCase());
    },
  );

  it.each(RECEIVERS.map((r) => [r.name, r] as const))(
    '%s has a profile for GET /admin/providers',
    (_name, receiver) => {
      expect(receiver.profile).toEqual({
        schemes: expect.arrayContaining([expect.stringMatching(/^[a-z][a-z0-9-]*$/)]),
        handshakes: expect.any(Array),
        signsTimestamp: expect.any(Boolean),
        ...(receiver.profile?.configurable !== undefined && { configurable: true }),
      });
    },
  );
});
