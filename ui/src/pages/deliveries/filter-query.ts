import type { Query } from '../../api/client';
import { DELIVERY_STATUSES, type DeliveryStatus } from '../../api/types';

/** Quick time ranges, kept by name in the URL so a reload means "the last hour" again. */
export const SINCE_CHOICES = [
  { value: '15m', label: 'Last 15 minutes', ms: 15 * 60_000 },
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { value: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
] as const;

/** The deliveries list's filters, as the page's URL query holds them (never the token). */
export interface Filters {
  provider: string;
  endpoint: string;
  type: string;
  status: DeliveryStatus | '';
  /** A SINCE_CHOICES value, `custom` (from/to) or empty (any time). */
  since: string;
  from: string;
  to: string;
  q: string;
}

export const NO_FILTERS: Filters = {
  provider: '',
  endpoint: '',
  type: '',
  status: '',
  since: '',
  from: '',
  to: '',
  q: '',
};

export function filtersFromQuery(query: Record<string, string>): Filters {
  const status = DELIVERY_STATUSES.includes(query.status as DeliveryStatus)
    ? (query.status as DeliveryStatus)
    : '';
  return {
    provider: query.provider ?? '',
    endpoint: query.endpoint ?? '',
    type: query.type ?? '',
    status,
    since: query.since ?? '',
    from: query.from ?? '',
    to: query.to ?? '',
    q: query.q ?? '',
  };
}

/** The page URL's query for these filters (and a cursor for later pages). */
export function searchOf(filters: Filters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (!value) continue;
    if ((key === 'from' || key === 'to') && filters.since !== 'custom') continue;
    params.set(key, value);
  }
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** The admin API's query: the time range turned into receivedAfter / receivedBefore. */
export function apiQuery(filters: Filters, now: number = Date.now()): Query {
  const since = SINCE_CHOICES.find((choice) => choice.value === filters.since);
  const custom = filters.since === 'custom';
  return {
    provider: filters.provider,
    endpoint: filters.endpoint,
    type: filters.type.trim(),
    status: filters.status,
    q: filters.q.trim(),
    receivedAfter: since
      ? new Date(now - since.ms).toISOString()
      : custom
        ? isoOf(filters.from)
        : undefined,
    receivedBefore: custom ? isoOf(filters.to) : undefined,
  };
}

/** A datetime-local value (the browser's local time) as an ISO instant. */
function isoOf(local: string): string | undefined {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function hasFilters(filters: Filters): boolean {
  return Object.values(filters).some(Boolean);
}
