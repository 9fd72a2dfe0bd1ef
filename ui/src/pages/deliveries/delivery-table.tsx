import type { Delivery } from '../../api/types';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';
import { paths } from '../../paths';

interface Props {
  items: Delivery[];
  /** Rows that arrived since the last look, marked until the next refresh. */
  fresh: ReadonlySet<string>;
}

/**
 * The deliveries, newest first. At phone width each row becomes a card whose cells name
 * themselves (data-label, styles/parts.css).
 */
export function DeliveryTable({ items, fresh }: Props) {
  return (
    <table class="table table--cards deliveries">
      <caption class="visually-hidden">Deliveries, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Received</th>
          <th scope="col">Status</th>
          <th scope="col">Type</th>
          <th scope="col">Provider / endpoint</th>
          <th scope="col">Provider delivery id</th>
          <th scope="col" class="num">
            Attempts
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((d) => (
          <tr key={d.id} class={fresh.has(d.id) ? 'row--new' : undefined} data-delivery-id={d.id}>
            <td data-label="Received">
              <Time iso={d.receivedAt} />
            </td>
            <td data-label="Status">
              <StatusBadge status={d.status} />
            </td>
            <td data-label="Type">
              <a href={paths.delivery(d.id)} class="strong">
                {d.type}
              </a>
            </td>
            <td data-label="Provider / endpoint">
              {d.provider} / {d.endpoint}
            </td>
            <td data-label="Provider delivery id" class="mono wrap">
              {d.providerDeliveryId ?? <span class="muted">none</span>}
            </td>
            <td data-label="Attempts" class="num">
              {d.attempts}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
