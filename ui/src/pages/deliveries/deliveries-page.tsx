import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { DeliveryPage, EndpointSummary } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../auth/session';
import { ErrorNotice, Loading } from '../../components/notice';
import { useRefresh } from '../../live/use-refresh';
import { paths } from '../../paths';
import { DeliveryTable } from './delivery-table';
import { apiQuery, filtersFromQuery, hasFilters, searchOf, type Filters } from './filter-query';
import { FiltersForm } from './filters-form';

const PAGE_SIZE = 50;

/**
 * Every delivery, newest first, filtered and paged by cursor. On the first page new
 * deliveries and status changes appear live; older pages hold still.
 */
export function DeliveriesPage() {
  const { client } = useSession();
  const { url, query, route } = useLocation();
  const filters = useMemo(() => filtersFromQuery(query), [url]);
  const cursor = query.cursor || null;
  const key = searchOf(filters, cursor);

  const list = useLoad(
    () =>
      client.get<DeliveryPage>('/deliveries', { ...apiQuery(filters), cursor, limit: PAGE_SIZE }),
    key,
  );
  const endpoints = useLoad(
    () => client.get<{ items: EndpointSummary[] }>('/endpoints').then((r) => r.items),
    'endpoints',
  );
  useRefresh(list.reload, () => true, cursor === null);

  const [newer, setNewer] = useState<(string | null)[]>([]);
  const fresh = useFreshRows(list.data, key);

  const apply = (next: Filters) => {
    setNewer([]);
    route(paths.deliveries(searchOf(next)));
  };
  const older = () => {
    if (!list.data?.nextCursor) return;
    setNewer([...newer, cursor]);
    route(paths.deliveries(searchOf(filters, list.data.nextCursor)));
  };
  const back = () => {
    const previous = newer[newer.length - 1] ?? null;
    setNewer(newer.slice(0, -1));
    route(paths.deliveries(searchOf(filters, previous)));
  };

  return (
    <>
      <h1 tabIndex={-1}>Deliveries</h1>
      <FiltersForm filters={filters} endpoints={endpoints.data} onApply={apply} />
      <ErrorNotice error={list.error} what="the deliveries" />
      <p class="visually-hidden" role="status" aria-live="polite">
        {fresh.size > 0 ? `${fresh.size} new ${fresh.size === 1 ? 'delivery' : 'deliveries'}` : ''}
      </p>
      {!list.data && !list.error && <Loading what="deliveries" />}
      {list.data && list.data.items.length === 0 && (
        <p class="empty">
          {hasFilters(filters)
            ? 'No delivery matches these filters.'
            : 'No delivery yet. Deliveries appear here as providers send them.'}
        </p>
      )}
      {list.data && list.data.items.length > 0 && (
        <DeliveryTable items={list.data.items} fresh={fresh} />
      )}
      <nav class="pager" aria-label="Pages">
        {cursor && (
          <>
            <a
              class="button"
              href={paths.deliveries(searchOf(filters))}
              onClick={() => setNewer([])}
            >
              Newest
            </a>
            {newer.length > 0 && (
              <button type="button" class="button" onClick={back}>
                Newer
              </button>
            )}
          </>
        )}
        {list.data?.nextCursor && (
          <button type="button" class="button" onClick={older}>
            Older
          </button>
        )}
        {cursor && <span class="muted">Older page: live updates paused.</span>}
      </nav>
    </>
  );
}

/** Ids shown now that the previous answer for the same view did not have. */
function useFreshRows(data: DeliveryPage | null, key: string): ReadonlySet<string> {
  const previous = useRef<{ key: string; ids: Set<string> } | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    if (!data) return;
    const ids = new Set(data.items.map((d) => d.id));
    const before = previous.current;
    setFresh(
      before && before.key === key
        ? new Set([...ids].filter((id) => !before.ids.has(id)))
        : new Set(),
    );
    previous.current = { key, ids };
  }, [data, key]);
  return fresh;
}
