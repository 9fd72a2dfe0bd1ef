/** Where each page lives under the gateway's /admin/ui. */
export const BASE = '/admin/ui';

export const paths = {
  deliveries: (search = ''): string => `${BASE}/${search ? `?${search}` : ''}`,
  delivery: (id: string): string => `${BASE}/deliveries/${encodeURIComponent(id)}`,
  failures: `${BASE}/failures`,
  endpoints: `${BASE}/endpoints`,
  overview: `${BASE}/overview`,
};
