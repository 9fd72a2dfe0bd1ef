import type { EndpointSummary } from '../../api/types';
import { useLoad } from '../../api/use-load';
import { useSession } from '../../auth/session';
import { CopyButton } from '../../components/copy-button';
import { formatCount } from '../../components/format';
import { ErrorNotice, Loading } from '../../components/notice';
import { Time } from '../../components/time';
import { useRefresh } from '../../live/use-refresh';
import { paths } from '../../paths';
import { Refusals, SecretUses } from './endpoint-usage';

/** Every configured endpoint: the URL to give the provider, its traffic and its refusals. */
export function EndpointsPage() {
  const { client } = useSession();
  const endpoints = useLoad(
    () => client.get<{ items: EndpointSummary[] }>('/endpoints').then((r) => r.items),
    'endpoints',
  );
  useRefresh(endpoints.reload, (event) => event.kind === 'delivery.stored');

  return (
    <>
      <h1 tabIndex={-1}>Endpoints</h1>
      <p>
        Refusals and secret matches are counted by the gateway process serving this page, since it
        started. Deliveries come from the store.
      </p>
      <ErrorNotice error={endpoints.error} what="the endpoints" />
      {!endpoints.data && !endpoints.error && <Loading what="endpoints" />}
      {endpoints.data?.length === 0 && <p class="empty">No endpoint is configured.</p>}
      {endpoints.data && endpoints.data.length > 0 && (
        <table class="table table--cards endpoints">
          <caption class="visually-hidden">Configured endpoints</caption>
          <thead>
            <tr>
              <th scope="col">Endpoint</th>
              <th scope="col">URL to register</th>
              <th scope="col">Last delivery</th>
              <th scope="col" class="num">
                Last hour
              </th>
              <th scope="col">Refusals</th>
              <th scope="col">Secrets</th>
            </tr>
          </thead>
          <tbody>
            {endpoints.data.map((e) => {
              const url = e.publicUrl ?? `${location.origin}${e.path}`;
              const filter = new URLSearchParams({ provider: e.provider, endpoint: e.id });
              return (
                <tr key={`${e.provider}/${e.id}`}>
                  <td data-label="Endpoint">
                    <a href={paths.deliveries(filter.toString())} class="strong">
                      {e.provider} / {e.id}
                    </a>
                  </td>
                  <td data-label="URL to register">
                    <span class="mono wrap">{url}</span>{' '}
                    <CopyButton text={url} label={`Copy the URL of ${e.provider} / ${e.id}`} />
                  </td>
                  <td data-label="Last delivery">
                    <Time iso={e.lastDeliveryAt} ago />
                  </td>
                  <td data-label="Last hour" class="num">
                    {formatCount(e.deliveriesLastHour)}
                  </td>
                  <td data-label="Refusals">
                    <Refusals refusals={e.refusals} />
                  </td>
                  <td data-label="Secrets">
                    <SecretUses secrets={e.secrets} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
