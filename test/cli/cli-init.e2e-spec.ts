import { resolve } from 'node:path';
import { initProject } from '../../src/cli/init';
import { expectOneLineError, runHookgate } from '../helpers/cli';

// The project generator has its own tests; here only what the command hands it and prints.
jest.mock('../../src/cli/init', () => ({ initProject: jest.fn() }));
const generate = initProject as jest.MockedFunction<typeof initProject>;

describe('hookgate init', () => {
  beforeEach(() => generate.mockReset());

  it('creates the project in the folder given, resolved', async () => {
    generate.mockReturnValue({ dir: resolve('my-gateway'), files: ['package.json'] });
    const result = await runHookgate(['init', 'my-gateway']);
    expect(result.code).toBe(0);
    expect(generate).toHaveBeenCalledWith(resolve('my-gateway'), {});
    expect(result.stdout).toContain(`Created a Hookgate project in ${resolve('my-gateway')}`);
  });

  it('passes --hookgate on as the dependency spec', async () => {
    generate.mockReturnValue({ dir: resolve('g'), files: [] });
    const result = await runHookgate(['init', 'g', '--hookgate', 'file:../hookgate-0.1.0.tgz']);
    expect(result.code).toBe(0);
    expect(generate).toHaveBeenCalledWith(resolve('g'), {
      hookgateSpec: 'file:../hookgate-0.1.0.tgz',
    });
  });

  it('defaults to the current folder; a failure is one line', async () => {
    generate.mockImplementation(() => {
      throw new Error('The folder is not empty: package.json exists.');
    });
    const result = await runHookgate(['init']);
    expect(generate).toHaveBeenCalledWith(resolve('.'), {});
    expectOneLineError(result, /^hookgate: The folder is not empty/);
  });
});
