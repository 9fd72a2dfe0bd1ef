import { deriveDeliveryStatus } from './delivery-status';

describe('deriveDeliveryStatus', () => {
  it.each([
    [[], 'succeeded'],
    [['succeeded', 'succeeded'], 'succeeded'],
    [['succeeded', 'processing'], 'processing'],
    [['failed', 'processing'], 'processing'],
    [['succeeded', 'failed'], 'failed'],
    [['dead', 'failed'], 'failed'],
    [['pending', 'succeeded'], 'pending'],
    [['dead', 'pending'], 'pending'],
    [['dead', 'succeeded'], 'dead'],
    [['dead'], 'dead'],
  ] as const)('%j → %s', (runs, expected) => {
    expect(deriveDeliveryStatus(runs)).toBe(expected);
  });
});
