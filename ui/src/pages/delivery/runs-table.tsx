import type { AdminClient } from '../../api/client';
import type { DeliveryDetail, ReplayAccepted, RetryAccepted, Run } from '../../api/types';
import { ConfirmAction } from '../../components/confirm-action';
import { formatDuration } from '../../components/format';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';
import { ErrorText } from './error-text';
import { HandlerName } from './handler-name';

interface Props {
  delivery: DeliveryDetail;
  client: AdminClient;
  onChanged: () => void;
}

/** One row per handler and forward target: where it stands, and what can be done with it. */
export function RunsTable({ delivery, client, onChanged }: Props) {
  if (delivery.runs.length === 0) {
    return (
      <p class="muted">No runs: no handler matched this delivery, or it is not planned yet.</p>
    );
  }
  return (
    <table class="table table--cards runs">
      <caption class="visually-hidden">Runs of this delivery</caption>
      <thead>
        <tr>
          <th scope="col">Handler</th>
          <th scope="col">Status</th>
          <th scope="col" class="num">
            Attempts
          </th>
          <th scope="col">Last attempt</th>
          <th scope="col">Next attempt</th>
          <th scope="col">Last error</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {delivery.runs.map((run) => (
          <tr key={run.handler} data-handler={run.handler}>
            <td data-label="Handler">
              <HandlerName name={run.handler} />
            </td>
            <td data-label="Status">
              <StatusBadge status={run.status} />
            </td>
            <td data-label="Attempts" class="num">
              {run.attempts}
            </td>
            <td data-label="Last attempt">
              <Time iso={run.startedAt} ago />
              {run.durationMs != null && (
                <span class="muted"> · {formatDuration(run.durationMs)}</span>
              )}
            </td>
            <td data-label="Next attempt">
              <Time iso={run.nextAttemptAt} ago />
            </td>
            <td data-label="Last error">
              <ErrorText error={run.lastError} stack={run.lastErrorStack} />
            </td>
            <td data-label="Actions" class="actions">
              <RunActions delivery={delivery} run={run} client={client} onChanged={onChanged} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RunActions({ delivery, run, client, onChanged }: { run: Run } & Props) {
  const base = `/deliveries/${encodeURIComponent(delivery.id)}`;
  // Kept on screen while disabled, so the result of a retry stays next to it.
  const retryable = run.status === 'dead' || run.status === 'failed';
  return (
    <>
      <ConfirmAction
        small
        label="Replay"
        title="Replay this handler?"
        confirmLabel="Replay handler"
        run={async () => {
          await client.post<ReplayAccepted>(`${base}/replay`, undefined, { handler: run.handler });
          return 'Replay queued.';
        }}
        onDone={onChanged}
      >
        <p>
          <HandlerName name={run.handler} /> runs again from attempt 1, whatever its status. Other
          handlers are left alone.
        </p>
      </ConfirmAction>
      <ConfirmAction
        small
        disabled={!retryable}
        label="Retry"
        title={`Retry this ${run.status} run?`}
        confirmLabel="Retry run"
        run={async () => {
          await client.post<RetryAccepted>(`${base}/runs/${encodeURIComponent(run.handler)}/retry`);
          return 'Retry queued.';
        }}
        onDone={onChanged}
      >
        <p>
          The run is due now, with a fresh attempt count. Its earlier attempts stay in the timeline.
        </p>
      </ConfirmAction>
    </>
  );
}
