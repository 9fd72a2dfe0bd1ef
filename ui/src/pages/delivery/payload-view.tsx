import { JsonTree } from '../../components/json-tree';

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i;

/**
 * The payload as the gateway parsed it from the stored bytes: a form body (every value a
 * string) as a table of fields, anything else as a JSON tree.
 */
export function PayloadView({ payload, contentType }: { payload: unknown; contentType: string }) {
  if (payload === null || payload === undefined) {
    return (
      <p class="muted">
        No parsed payload (the body is empty, was not kept, or does not parse). The raw body has the
        bytes as sent, when kept.
      </p>
    );
  }
  const fields = formFields(payload, contentType);
  if (!fields) return <JsonTree value={payload} />;
  return (
    <table class="table table--kv">
      <caption class="visually-hidden">Form fields</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {fields.map(([name, value]) => (
          <tr key={name}>
            <th scope="row" class="mono">
              {name}
            </th>
            <td class="mono wrap">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function formFields(payload: unknown, contentType: string): [string, string][] | null {
  if (!FORM_TYPES.test(contentType) || typeof payload !== 'object' || Array.isArray(payload)) {
    return null;
  }
  const entries = Object.entries(payload as Record<string, unknown>);
  const flat = entries.every(
    ([, v]) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string')),
  );
  return flat ? entries.map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]) : null;
}
