import type { Attempt, Run } from '../../api/types';
import { formatDuration } from '../../components/format';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';
import { ErrorText } from './error-text';
import { HandlerName } from './handler-name';

/** Every attempt of every run, oldest first, replays and retries included. */
export function AttemptTimeline({ runs }: { runs: Run[] }) {
  if (runs.some((run) => run.attemptLog === undefined)) {
    return <p class="muted">This gateway does not record attempts yet.</p>;
  }
  const attempts = runs
    .flatMap((run) => (run.attemptLog ?? []).map((attempt) => ({ run, attempt })))
    .sort((a, b) => a.attempt.startedAt.localeCompare(b.attempt.startedAt));
  if (attempts.length === 0) return <p class="muted">No attempt has finished yet.</p>;
  return (
    <ol class="timeline">
      {attempts.map(({ run, attempt }) => (
        <TimelineItem
          key={`${run.handler}#${attempt.startedAt}`}
          handler={run.handler}
          attempt={attempt}
        />
      ))}
    </ol>
  );
}

function TimelineItem({ handler, attempt }: { handler: string; attempt: Attempt }) {
  return (
    <li class={`timeline__item timeline__item--${attempt.outcome}`}>
      <div class="timeline__head">
        <Time iso={attempt.startedAt} />
        <StatusBadge status={attempt.outcome} />
        <span>attempt {attempt.attempt}</span>
        <span class="muted">{formatDuration(attempt.durationMs)}</span>
      </div>
      <div>
        <HandlerName name={handler} />
      </div>
      {attempt.error && <ErrorText error={attempt.error} stack={attempt.stack} />}
    </li>
  );
}
