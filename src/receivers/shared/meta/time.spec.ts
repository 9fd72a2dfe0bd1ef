import { metaEvents } from './events';
import { metaOccurredAt, metaTime } from './time';

describe('metaTime', () => {
  it.each<[unknown, string | undefined]>([
    [1547687043, '2019-01-17T01:04:03.000Z'], // Instagram entry.time, seconds
    [1458692752478, '2016-03-23T00:25:52.478Z'], // Messenger entry.time, milliseconds
    ['1749416383', '2025-06-08T20:59:43.000Z'], // WhatsApp timestamp, seconds as text
    ['1458692752478', '2016-03-23T00:25:52.478Z'],
    [99_999_999_999, '5138-11-16T09:46:39.000Z'], // the largest number read as seconds
    [100_000_000_000, '1973-03-03T09:46:40.000Z'], // the smallest read as milliseconds
    [0, undefined],
    [-5, undefined],
    ['12abc', undefined],
    ['', undefined],
    [null, undefined],
    [Number.NaN, undefined],
  ])('%j → %s', (value, iso) => {
    expect(metaTime(value)?.toISOString()).toBe(iso);
  });
});

describe('metaOccurredAt', () => {
  const message = (timestamp: number) => ({
    sender: { id: 'u' },
    recipient: { id: 'p' },
    timestamp,
    message: { mid: `m_${timestamp}` },
  });

  it('is the earliest entry time of the batch', () => {
    const events = metaEvents({
      object: 'page',
      entry: [
        { id: 'p', time: 1458692752478, messaging: [message(1458692752000)] },
        { id: 'p', time: 1458668856463, messaging: [message(1458668856000)] },
      ],
    });
    expect(metaOccurredAt(events)).toEqual(new Date(1458668856463));
  });

  it("falls back to the items' own times where an entry has none (WhatsApp)", () => {
    const status = (id: string, timestamp: string) => ({ id, status: 'sent', timestamp });
    const events = metaEvents({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: 'w',
          changes: [
            {
              field: 'messages',
              value: {
                messages: [{ id: 'a', timestamp: '1749416383' }],
                statuses: [status('b', '1749416300'), status('c', 'bad')],
              },
            },
          ],
        },
      ],
    });
    expect(metaOccurredAt(events)).toEqual(new Date(1749416300 * 1000));
  });

  it('is undefined when nothing in the batch says when', () => {
    const events = metaEvents({
      object: 'page',
      entry: [{ id: 'p', changes: [{ field: 'feed', value: {} }] }],
    });
    expect(metaOccurredAt(events)).toBeUndefined();
  });
});
