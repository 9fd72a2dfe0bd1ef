import { useRoute } from 'preact-iso';
import type { DeliveryDetail, ReplayAccepted } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../auth/session';
import { ConfirmAction } from '../../components/confirm-action';
import { ErrorNotice, Loading } from '../../components/notice';
import { StatusBadge } from '../../components/status-badge';
import { useRefresh } from '../../live/use-refresh';
import { paths } from '../../paths';
import { AttemptTimeline } from './attempt-timeline';
import { Envelope, HeadersTable } from './envelope';
import { PayloadView } from './payload-view';
import { RawDownload } from './raw-download';
import { RunsTable } from './runs-table';

/** One delivery: envelope, runs and every attempt, headers, payload; replay and retry. */
export function DeliveryPage() {
  const { params } = useRoute();
  const id = params.id;
  const { client } = useSession();
  const detail = useLoad(
    () => client.get<DeliveryDetail>(`/deliveries/${encodeURIComponent(id)}`),
    id,
  );
  useRefresh(detail.reload, (event) => 'deliveryId' in event && event.deliveryId === id);
  const d = detail.data;

  return (
    <>
      <p class="crumbs">
        <a href={paths.deliveries()}>Deliveries</a> /
      </p>
      <h1 tabIndex={-1}>
        {d ? d.type : 'Delivery'} {d && <StatusBadge status={d.status} />}
      </h1>
      <ErrorNotice error={detail.error} what="this delivery" />
      {!d && !detail.error && <Loading what="the delivery" />}
      {d && (
        <>
          <div class="toolbar">
            <ConfirmAction
              label="Replay delivery"
              title="Replay this delivery?"
              confirmLabel="Replay"
              run={async () => {
                const res = await client.post<ReplayAccepted>(
                  `/deliveries/${encodeURIComponent(d.id)}/replay`,
                );
                return `Replay queued for ${res.handlers.length} ${res.handlers.length === 1 ? 'handler' : 'handlers'}.`;
              }}
              onDone={detail.reload}
            >
              <p>
                Every handler that matches this delivery runs again from attempt 1, including those
                that succeeded. Earlier attempts stay in the timeline.
              </p>
            </ConfirmAction>
            <RawDownload id={d.id} client={client} />
          </div>
          <section aria-labelledby="envelope-title">
            <h2 id="envelope-title">Envelope</h2>
            <Envelope delivery={d} />
          </section>
          <section aria-labelledby="runs-title">
            <h2 id="runs-title">Runs</h2>
            <RunsTable delivery={d} client={client} onChanged={detail.reload} />
          </section>
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">Attempts</h2>
            <AttemptTimeline runs={d.runs} />
          </section>
          <section aria-labelledby="payload-title">
            <h2 id="payload-title">Payload</h2>
            <PayloadView payload={d.payload} contentType={d.headers['content-type'] ?? ''} />
          </section>
          <section aria-labelledby="headers-title">
            <h2 id="headers-title">Headers</h2>
            <HeadersTable headers={d.headers} />
          </section>
        </>
      )}
    </>
  );
}
