import { webhookRoute } from './webhook-fast-path';

describe('webhookRoute', () => {
  it.each([
    ['/webhooks/github/acme', 'github', 'acme'],
    ['/webhooks/github/acme/', 'github', 'acme'],
    ['/WEBHOOKS/github/acme', 'github', 'acme'],
    ['/webhooks/twilio/sms?From=%2B1&Body=hi', 'twilio', 'sms'],
    ['/webhooks/git%68ub/a%2Fb', 'github', 'a/b'],
    ['/webhooks/github/acme/?', 'github', 'acme'],
    ['/webhooks/github/acme#fragment', 'github', 'acme'],
    ['/webhooks/github/acme?a=1#fragment', 'github', 'acme'],
  ])('%s is provider %s, endpoint %s', (target, provider, endpointId) => {
    expect(webhookRoute(target)).toEqual({ provider, endpointId });
  });

  it.each([
    undefined,
    '',
    '/webhooks/github',
    '/webhooks/github/',
    '/webhooks//acme',
    '/webhooks/github/acme/extra',
    '/webhooks/github/acme//',
    '/api/webhooks/github/acme',
    '/webhooksx/github/acme',
    'http://gateway.example/webhooks/github/acme',
    '/webhooks/github/ac%E0%A4', // not UTF-8 once decoded: express answers 400
    '/webhooks/github/%',
  ])('%s is left to express', (target) => {
    expect(webhookRoute(target)).toBeUndefined();
  });
});
