import { MAX_BATCH } from '../inbox/inbox.writer';
import { PREPARED_INBOX_ROWS, preparedInboxRows } from './postgres-inbox-insert';

describe('preparedInboxRows', () => {
  it('gives every batch the inbox sends a prepared size of fewer than twice its rows', () => {
    for (let rows = 1; rows <= MAX_BATCH; rows++) {
      const size = preparedInboxRows(rows);
      expect(size).toBeDefined();
      expect(size).toBeGreaterThanOrEqual(rows);
      expect(size!).toBeLessThan(2 * rows);
    }
  });

  it('gives each prepared size to the batches of exactly that many rows', () => {
    for (const size of PREPARED_INBOX_ROWS) expect(preparedInboxRows(size)).toBe(size);
  });

  it('leaves larger batches unprepared', () => {
    expect(preparedInboxRows(PREPARED_INBOX_ROWS.at(-1)! + 1)).toBeUndefined();
  });
});
