import { isValidTypePattern, matchesType } from './type-pattern';

describe('type patterns', () => {
  it.each([
    ['pull_request.opened', 'pull_request.opened', true],
    ['pull_request.opened', 'pull_request.closed', false],
    ['pull_request.opened', 'pull_request', false],
    ['pull_request.*', 'pull_request.opened', true],
    ['pull_request.*', 'pull_request', false],
    ['pull_request.*', 'pull_request_review.submitted', false],
    ['orders/*', 'orders/create', true],
    ['repo:*', 'repo:push', true],
    ['*', 'anything.at.all', true],
    ['PAYMENT.CAPTURE.COMPLETED', 'PAYMENT.CAPTURE.COMPLETED', true],
  ])('%s matches %s: %s', (pattern, type, expected) => {
    expect(isValidTypePattern(pattern)).toBe(true);
    expect(matchesType(pattern, type)).toBe(expected);
  });

  it.each(['', 'pull_request*', '*.opened', 'a.*.b', 'a b', '**', 'pull_request.', 'x.**'])(
    'rejects the malformed pattern %j',
    (pattern) => {
      expect(isValidTypePattern(pattern)).toBe(false);
    },
  );
});
