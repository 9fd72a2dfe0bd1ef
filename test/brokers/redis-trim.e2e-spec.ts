import { RedisConnection } from '../../src/dispatch/forward/brokers/redis-connection';
import { redisKeys } from '../helpers/broker-fixtures';
import { requireBroker } from '../helpers/brokers';
import { waitFor } from '../helpers/test-app';

const quiet = { log: () => undefined, warn: () => undefined };

describe('Redis Streams: maxLen trims the stream (XADD MAXLEN ~)', () => {
  it('keeps about maxLen entries, in whole nodes of 100, instead of every one', async () => {
    await requireBroker('redis');
    const keys = await redisKeys();
    const connection = new RedisConnection('redis://127.0.0.1:6379', quiet);
    try {
      connection.open();
      await waitFor(() => connection.state().status === 'connected');
      const trimmed = `${keys.prefix}:trimmed`;
      const whole = `${keys.prefix}:whole`;
      for (let i = 0; i < 350; i++) {
        const fields = ['id', String(i), 'event', '{}'];
        expect(await connection.append(trimmed, fields, 10)).toMatch(/^\d+-\d+$/);
        await connection.append(whole, fields);
      }
      expect(await keys.client.xlen(whole)).toBe(350);
      // Approximate trimming drops whole macro nodes (100 entries by default): far fewer kept.
      expect(await keys.client.xlen(trimmed)).toBeLessThanOrEqual(150);
    } finally {
      await connection.close();
      await keys.remove();
    }
  });
});
