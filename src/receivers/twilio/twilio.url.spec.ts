import { twilioUrlVariants } from './twilio.url';

describe('Twilio URL variants', () => {
  it.each([
    ['https://h.example/p?q=1', ['https://h.example/p?q=1', 'https://h.example:443/p?q=1']],
    ['https://h.example:443/p', ['https://h.example:443/p', 'https://h.example/p']],
    ['http://h.example/p', ['http://h.example/p', 'http://h.example:80/p']],
    ['https://h.example:8443/p', ['https://h.example:8443/p']],
    ['https://user:pw@[::1]/p', ['https://user:pw@[::1]/p', 'https://user:pw@[::1]:443/p']],
  ])('%s', (url, expected) => {
    expect(twilioUrlVariants(url).sort()).toEqual([...expected].sort());
  });

  it('adds the WHATWG-normalized form, as twilio-node does', () => {
    expect(twilioUrlVariants("https://h.example/p?q=it's").sort()).toEqual(
      [
        "https://h.example/p?q=it's",
        "https://h.example:443/p?q=it's",
        'https://h.example/p?q=it%27s',
        'https://h.example:443/p?q=it%27s',
      ].sort(),
    );
  });
});
