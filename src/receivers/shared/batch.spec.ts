import { commonType, MIXED_TYPE } from './batch';

describe('commonType', () => {
  it.each([
    [['channel_occupied'], 'channel_occupied'],
    [['open', 'open', 'open'], 'open'],
    [['open', 'click'], MIXED_TYPE],
    [[], undefined],
  ])('%j → %s', (types, expected) => {
    expect(commonType(types)).toBe(expected);
  });
});
