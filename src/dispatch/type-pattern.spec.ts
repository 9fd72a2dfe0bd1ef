import { isValidTypePattern, matchesType, patternsOverlap } from './type-pattern';

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

  it.each([
    ['*', 'slash_command', true],
    ['*', '*', true],
    ['slash_command', 'slash_command', true],
    ['slash_command', 'block_actions', false],
    ['interaction.*', 'interaction.application_command', true],
    ['interaction.*', 'interactions.*', false],
    ['interaction.*', 'interaction.message.*', true],
    ['orders/*', 'orders/create', true],
    ['orders/*', 'order/create', false],
    ['pull_request.*', 'pull_request_review.*', false],
    ['pull_request.*', 'pull_request', false],
  ])('%s and %s overlap: %s', (a, b, expected) => {
    expect(patternsOverlap(a, b)).toBe(expected);
    expect(patternsOverlap(b, a)).toBe(expected);
  });
});
