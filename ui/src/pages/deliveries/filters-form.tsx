import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { DELIVERY_STATUSES, type EndpointSummary } from '../../api/types';
import { hasFilters, NO_FILTERS, SINCE_CHOICES, type Filters } from './filter-query';

interface Props {
  filters: Filters;
  /** The configured endpoints, for the provider and endpoint choices (free text without). */
  endpoints: EndpointSummary[] | null;
  onApply: (filters: Filters) => void;
}

/** The list's filters as a form: nothing changes until it is applied (Enter or the button). */
export function FiltersForm({ filters, endpoints, onApply }: Props) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const set = (key: keyof Filters) => (event: Event) =>
    setDraft({ ...draft, [key]: (event.target as HTMLInputElement).value });

  const providers = endpoints ? [...new Set(endpoints.map((e) => e.provider))].sort() : null;
  const endpointIds = endpoints
    ? [
        ...new Set(
          endpoints
            .filter((e) => !draft.provider || e.provider === draft.provider)
            .map((e) => e.id),
        ),
      ].sort()
    : null;

  return (
    <form
      class="filters"
      aria-label="Filter deliveries"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(draft);
      }}
    >
      <Field id="f-provider" label="Provider">
        {providers ? (
          <select
            id="f-provider"
            value={draft.provider}
            onChange={(e) =>
              setDraft({ ...draft, provider: (e.target as HTMLSelectElement).value, endpoint: '' })
            }
          >
            <option value="">All providers</option>
            {providers.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        ) : (
          <input id="f-provider" value={draft.provider} onInput={set('provider')} />
        )}
      </Field>
      <Field id="f-endpoint" label="Endpoint">
        {endpointIds ? (
          <select id="f-endpoint" value={draft.endpoint} onChange={set('endpoint')}>
            <option value="">All endpoints</option>
            {endpointIds.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        ) : (
          <input id="f-endpoint" value={draft.endpoint} onInput={set('endpoint')} />
        )}
      </Field>
      <Field id="f-type" label="Type">
        <input
          id="f-type"
          value={draft.type}
          onInput={set('type')}
          placeholder="pull_request.opened"
        />
      </Field>
      <Field id="f-status" label="Status">
        <select id="f-status" value={draft.status} onChange={set('status')}>
          <option value="">Any status</option>
          {DELIVERY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-since" label="Received">
        <select id="f-since" value={draft.since} onChange={set('since')}>
          <option value="">Any time</option>
          {SINCE_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
          <option value="custom">Between…</option>
        </select>
      </Field>
      {draft.since === 'custom' && (
        <>
          <Field id="f-from" label="From">
            <input
              id="f-from"
              type="datetime-local"
              step={1}
              value={draft.from}
              onInput={set('from')}
            />
          </Field>
          <Field id="f-to" label="To">
            <input id="f-to" type="datetime-local" step={1} value={draft.to} onInput={set('to')} />
          </Field>
        </>
      )}
      <Field id="f-q" label="Provider delivery id">
        <input
          id="f-q"
          value={draft.q}
          onInput={set('q')}
          placeholder="starts with…"
          spellcheck={false}
        />
      </Field>
      <div class="filters__buttons">
        <button type="submit" class="button button--primary">
          Apply filters
        </button>
        {hasFilters(filters) && (
          <button type="button" class="button" onClick={() => onApply(NO_FILTERS)}>
            Clear
          </button>
        )}
      </div>
    </form>
  );
}

function Field({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: ComponentChildren;
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}
