import type { RunOutcome } from '../model';
import { attemptInserts } from './attempt-statements';
import { CHUNK } from './run-statements';
import { StatementParameters } from './statement-parameters';

const values = () =>
  new StatementParameters({ placeholder: () => '?', date: (d) => d.toISOString() });

const outcome = (i: number): RunOutcome => ({
  runId: `r${i}`,
  deliveryId: 'd1',
  attempt: 1,
  status: 'succeeded',
  logEntry: {
    startedAt: new Date(0),
    durationMs: 3,
    outcome: 'succeeded',
    error: null,
    stack: null,
  },
});

describe('attemptInserts', () => {
  it("is one statement for a turn's outcomes, a chunk at a time", () => {
    const three = attemptInserts(values, [0, 1, 2].map(outcome), 'me', false);
    expect(three).toHaveLength(1);
    expect(three[0].sql.match(/\('r\d'|\(\?, /g)).toHaveLength(3);
    expect(three[0].sql.startsWith('INSERT INTO "run_attempts"')).toBe(true);
    const many = Array.from({ length: CHUNK + 1 }, (_, i) => outcome(i));
    expect(attemptInserts(values, many, 'me', false)).toHaveLength(2);
    expect(attemptInserts(values, [], 'me', false)).toEqual([]);
  });

  it('binds each value in reading order, guarded like the outcome update', () => {
    const [{ sql, params }] = attemptInserts(values, [outcome(7)], 'me', true);
    expect(sql).toContain(
      `r."lease_owner" = ? AND r."attempts" = l."attempt" AND r."status" = 'processing'`,
    );
    expect(sql).toContain('AS MATERIALIZED (VALUES (?, ?, ?, ?, ?, ?, ?))');
    expect(params).toEqual(['r7', 1, new Date(0).toISOString(), 3, 'succeeded', null, null, 'me']);
  });
});
