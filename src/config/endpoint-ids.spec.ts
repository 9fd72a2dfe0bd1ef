import { ConfigError, validateConfig } from './config.loader';

const WHSEC = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

/** An endpoint is its URL, `/webhooks/{provider}/{id}`: ids are unique per provider. */
describe('endpoint ids', () => {
  it('may repeat across providers', () => {
    const config = validateConfig({
      endpoints: [
        { provider: 'github', id: 'main', secrets: ['github-endpoint-ids-secret'] },
        { provider: 'stripe', id: 'main', secrets: ['whsec_endpoint-ids-stripe'] },
        { provider: 'standard-webhooks', id: 'main', secrets: [WHSEC] },
      ],
    });
    expect(config.endpoints.map((e) => `${e.provider}/${e.id}`)).toEqual([
      'github/main',
      'stripe/main',
      'standard-webhooks/main',
    ]);
  });

  it('may not repeat within a provider, whatever name the provider is given by', () => {
    const plain = {
      endpoints: [
        { provider: 'standard-webhooks', id: 'main', secrets: [WHSEC] },
        { provider: 'github', id: 'main', secrets: ['github-endpoint-ids-secret'] },
        { provider: 'svix', id: 'main', secrets: [WHSEC] },
      ],
    };
    expect(() => validateConfig(plain)).toThrow(ConfigError);
    expect(() => validateConfig(plain)).toThrow(
      'endpoints[2].id "main" is already used by endpoints[0], also a standard-webhooks endpoint (both would be /webhooks/standard-webhooks/main)',
    );
  });
});
