import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { FailureGroup } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../auth/session';
import { formatCount } from '../../components/format';
import { ResultNotice, type ActionResult } from '../../components/confirm-action';
import { ErrorNotice, Loading } from '../../components/notice';
import { Time } from '../../components/time';
import { useRefresh } from '../../live/use-refresh';
import { paths } from '../../paths';
import { HandlerName } from '../delivery/handler-name';
import { BulkReplay } from './bulk-replay';

type GroupBy = 'handler' | 'error';

/** Dead and failing runs, grouped by handler or by error, each group replayable at once. */
export function FailuresPage() {
  const { client } = useSession();
  const { query, route } = useLocation();
  const by: GroupBy = query.by === 'error' ? 'error' : 'handler';
  const [includeFailing, setIncludeFailing] = useState(false);
  const [result, setResult] = useState<ActionResult | null>(null);
  const groups = useLoad(
    () => client.get<{ groups: FailureGroup[] }>('/failures', { groupBy: by, limit: 100 }),
    by,
  );
  useRefresh(groups.reload, (event) => event.kind !== 'delivery.stored');

  return (
    <>
      <h1 tabIndex={-1}>Failures</h1>
      <p>Dead runs wait for a replay; failing runs will be tried again at their next attempt.</p>
      <div class="toolbar">
        <div role="group" aria-label="Group by" class="segmented">
          {(['handler', 'error'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              class="button"
              aria-pressed={by === choice}
              onClick={() => route(`${paths.failures}?by=${choice}`, true)}
            >
              By {choice}
            </button>
          ))}
        </div>
        <label class="check">
          <input
            type="checkbox"
            checked={includeFailing}
            onChange={(e) => setIncludeFailing((e.target as HTMLInputElement).checked)}
          />
          Replay failing runs too
        </label>
      </div>
      <p>
        <ResultNotice result={result} />
      </p>
      <ErrorNotice error={groups.error} what="the failures" />
      {!groups.data && !groups.error && <Loading what="failures" />}
      {groups.data?.groups.length === 0 && (
        <p class="empty">No dead or failing run. All is well.</p>
      )}
      {groups.data && groups.data.groups.length > 0 && (
        <table class="table table--cards failures">
          <caption class="visually-hidden">Failures grouped by {by}</caption>
          <thead>
            <tr>
              <th scope="col">Handler</th>
              {by === 'error' && <th scope="col">Error</th>}
              <th scope="col" class="num">
                Dead
              </th>
              <th scope="col" class="num">
                Failing
              </th>
              <th scope="col">First</th>
              <th scope="col">Latest</th>
              <th scope="col">Example</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {groups.data.groups.map((g) => (
              <tr key={`${g.handler}\u0000${g.error ?? ''}`}>
                <td data-label="Handler">
                  <HandlerName name={g.handler} />
                </td>
                {by === 'error' && (
                  <td data-label="Error" class="wrap">
                    {g.error ?? <span class="muted">no message</span>}
                  </td>
                )}
                <td data-label="Dead" class="num">
                  {formatCount(g.dead)}
                </td>
                <td data-label="Failing" class="num">
                  {formatCount(g.failing)}
                </td>
                <td data-label="First">
                  <Time iso={g.oldest} ago />
                </td>
                <td data-label="Latest">
                  <Time iso={g.newest} ago />
                </td>
                <td data-label="Example">
                  <a href={paths.delivery(g.sampleDeliveryId)}>Open a delivery</a>
                </td>
                <td data-label="Actions" class="actions">
                  <BulkReplay
                    group={g}
                    includeFailing={includeFailing}
                    client={client}
                    onDone={groups.reload}
                    onResult={setResult}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
