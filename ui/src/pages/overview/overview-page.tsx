import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useMemo } from 'preact/hooks';
import type { Stats, StatsWindow } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../auth/session';
import { Chart } from '../../components/chart';
import { formatCount } from '../../components/format';
import { ErrorNotice, Loading } from '../../components/notice';
import { Time } from '../../components/time';
import { useRefresh } from '../../live/use-refresh';
import { paths } from '../../paths';
import { countSeries, labelOf, latencySeries, type Series } from './stats-series';

const WINDOWS: { value: StatsWindow; label: string }[] = [
  { value: '1h', label: 'Last hour' },
  { value: '24h', label: 'Last day' },
];

/** Charts of the gateway's own data: deliveries, runs, backlog and ack latency. */
export function OverviewPage() {
  const { client } = useSession();
  const { query, route } = useLocation();
  const range: StatsWindow = query.window === '24h' ? '24h' : '1h';
  const stats = useLoad(() => client.get<Stats>('/stats', { window: range }), range);
  useRefresh(stats.reload, () => false);
  const s = stats.data;
  const charts = useMemo(
    () =>
      s && {
        deliveries: countSeries(s.buckets, (b) => b.deliveries),
        runs: countSeries(s.buckets, (b) => b.runs),
        latency: latencySeries(s.buckets),
      },
    [s],
  );
  const per = s
    ? s.bucketSeconds === 60
      ? 'per minute'
      : `per ${s.bucketSeconds / 60} minutes`
    : '';

  return (
    <>
      <h1 tabIndex={-1}>Overview</h1>
      <div role="group" aria-label="Time window" class="segmented toolbar">
        {WINDOWS.map((w) => (
          <button
            key={w.value}
            type="button"
            class="button"
            aria-pressed={range === w.value}
            onClick={() => route(`${paths.overview}?window=${w.value}`, true)}
          >
            {w.label}
          </button>
        ))}
      </div>
      <ErrorNotice error={stats.error} what="the statistics" />
      {!s && !stats.error && <Loading what="statistics" />}
      {s && charts && (
        <>
          <div class="tiles">
            <Tile label="Runs due now" value={formatCount(s.backlog.due)} />
            <Tile
              label="Oldest due run"
              value={s.backlog.oldestDueAt ? <Time iso={s.backlog.oldestDueAt} ago /> : 'none'}
            />
            {s.backlog.unplanned !== undefined && (
              <Tile label="Deliveries not planned yet" value={formatCount(s.backlog.unplanned)} />
            )}
            {s.backlog.dead !== undefined && (
              <Tile label="Dead runs waiting" value={formatCount(s.backlog.dead)} />
            )}
            <Tile
              label={`Deliveries, ${windowName(range)}`}
              value={formatCount(received(charts.deliveries))}
            />
          </div>
          <ChartSection
            title={`Deliveries ${per}, by status`}
            series={charts.deliveries}
            unit="deliveries"
          />
          <ChartSection
            title={`Handler runs ${per}, by outcome`}
            series={charts.runs}
            unit="runs"
          />
          <ChartSection
            title="Ack latency (ms)"
            series={charts.latency}
            unit="ms"
            empty="No sample yet: the gateway samples its acknowledgement latency each minute."
          />
        </>
      )}
    </>
  );
}

function Tile({ label, value }: { label: string; value: ComponentChildren }) {
  return (
    <div class="tile">
      <div class="tile__value">{value}</div>
      <div class="tile__label">{label}</div>
    </div>
  );
}

function ChartSection(props: { title: string; series: Series; unit: string; empty?: string }) {
  const { title, series, unit } = props;
  const summary = series.totals.map(([name, n]) => `${labelOf(name)} ${formatCount(n)}`).join(', ');
  return (
    <section class="card chart-card">
      <h2>{title}</h2>
      {series.hasValues ? (
        <Chart
          label={`${title}. ${summary}`}
          series={series.series}
          data={series.data}
          unit={unit}
        />
      ) : (
        <p class="muted">{props.empty ?? 'Nothing in this window.'}</p>
      )}
      {summary && <p class="muted">In this window: {summary}.</p>}
    </section>
  );
}

/** Every delivery received: `accepted` counts them all (the statuses split the same ones). */
function received(series: Series): number {
  const accepted = series.totals.find(([name]) => name === 'accepted');
  return accepted ? accepted[1] : series.totals.reduce((sum, [, n]) => sum + n, 0);
}

function windowName(range: StatsWindow): string {
  return range === '1h' ? 'last hour' : 'last day';
}
