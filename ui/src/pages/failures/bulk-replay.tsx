import type { AdminClient } from '../../api/client';
import type { BulkReplayResult, FailureGroup } from '../../api/types';
import { ConfirmAction, type ActionResult } from '../../components/confirm-action';
import { formatCount } from '../../components/format';

interface Props {
  group: FailureGroup;
  includeFailing: boolean;
  client: AdminClient;
  onDone: () => void;
  /** The page says the result: the group's row may be gone once its runs are replayed. */
  onResult: (result: ActionResult) => void;
}

/**
 * Replay a group's runs through `POST /admin/runs/replay`: a dry run counts first, and only
 * the confirmation replays. The API filters by handler, so a group by error replays every
 * such run of its handler, which the dialog says.
 */
export function BulkReplay({ group, includeFailing, client, onDone, onResult }: Props) {
  const statuses = includeFailing ? ['dead', 'failed'] : ['dead'];
  const request = { handler: group.handler, statuses };
  const which = includeFailing ? 'dead and failing' : 'dead';
  return (
    <ConfirmAction
      small
      label="Replay…"
      title={`Replay ${which} runs of ${group.handler}?`}
      confirmLabel="Replay them"
      prepare={async () => {
        const count = await client.post<BulkReplayResult>('/runs/replay', {
          ...request,
          dryRun: true,
        });
        return {
          allowed: count.matched > 0,
          text:
            count.matched > 0
              ? `${formatCount(count.matched)} ${count.matched === 1 ? 'run matches' : 'runs match'}.`
              : 'No run matches now.',
        };
      }}
      run={async () => {
        const done = await client.post<BulkReplayResult>('/runs/replay', {
          ...request,
          dryRun: false,
        });
        return `${formatCount(done.replayed)} of ${formatCount(done.matched)} runs queued again.`;
      }}
      onDone={onDone}
      onResult={onResult}
    >
      <p>
        Every {which} run of this handler runs again from attempt 1
        {group.error ? ', whatever its error, not only this one' : ''}.
      </p>
    </ConfirmAction>
  );
}
