import { parseTravisCiOptions } from './travis-ci.options';

describe('travis-ci options', () => {
  it('defaults to travis-ci.com and a 300 s refetch interval', () => {
    expect(parseTravisCiOptions(undefined)).toEqual({
      apiUrl: 'https://api.travis-ci.com',
      configUrl: 'https://api.travis-ci.com/config',
      keyRefetchSeconds: 300,
    });
  });

  it('takes an Enterprise API URL with a path, trailing slash dropped', () => {
    const options = parseTravisCiOptions({ apiUrl: 'https://travis.example.com/api/' });
    expect(options.configUrl).toBe('https://travis.example.com/api/config');
  });

  it.each([
    ['http://api.travis-ci.com', /https.*http: is refused/],
    ['ftp://api.travis-ci.com', /https/],
    ['https://user:pw@api.travis-ci.com', /without credentials/],
    ['https://api.travis-ci.com?x=1', /without credentials, query/],
    ['api.travis-ci.com', /https URL/],
    [42, /https URL/],
  ])('refuses apiUrl %p at start-up', (apiUrl, message) => {
    expect(() => parseTravisCiOptions({ apiUrl })).toThrow(message);
  });

  it.each([59, 1.5, '300'])('refuses keyRefetchSeconds %p', (keyRefetchSeconds) => {
    expect(() => parseTravisCiOptions({ keyRefetchSeconds })).toThrow(/keyRefetchSeconds/);
  });

  it('names unknown options', () => {
    expect(() => parseTravisCiOptions({ publicKey: 'x' })).toThrow(
      /unknown travis-ci option\(s\) publicKey; known: apiUrl, keyRefetchSeconds/,
    );
  });
});
