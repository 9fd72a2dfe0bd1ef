import type { ComponentChildren } from 'preact';
import type { DeliveryDetail } from '../../api/types';
import { StatusBadge } from '../../components/status-badge';
import { Time } from '../../components/time';

/** The fields every delivery has, whatever its provider. */
export function Envelope({ delivery: d }: { delivery: DeliveryDetail }) {
  return (
    <dl class="envelope">
      <Item term="Status">
        <StatusBadge status={d.status} />
      </Item>
      <Item term="Provider">{d.provider}</Item>
      <Item term="Endpoint">{d.endpoint}</Item>
      <Item term="Type">{d.type}</Item>
      <Item term="Provider delivery id">
        <span class="mono wrap">{d.providerDeliveryId ?? '—'}</span>
      </Item>
      <Item term="Gateway id">
        <span class="mono wrap">{d.id}</span>
      </Item>
      <Item term="Received">
        <Time iso={d.receivedAt} />
      </Item>
      <Item term="Occurred">
        <Time iso={d.occurredAt} />
      </Item>
      <Item term="Attempts">{d.attempts}</Item>
    </dl>
  );
}

function Item({ term, children }: { term: string; children: ComponentChildren }) {
  return (
    <div class="envelope__item">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The headers as stored (the gateway never stores a secret header). */
export function HeadersTable({ headers }: { headers: Record<string, string> }) {
  const names = Object.keys(headers).sort();
  if (names.length === 0) return <p class="muted">No headers stored.</p>;
  return (
    <table class="table table--kv">
      <caption class="visually-hidden">Request headers</caption>
      <thead>
        <tr>
          <th scope="col">Header</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr key={name}>
            <th scope="row" class="mono">
              {name}
            </th>
            <td class="mono wrap">{headers[name]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
