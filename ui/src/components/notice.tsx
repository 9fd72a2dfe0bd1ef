import { ApiError } from '../api/client';

/** An error answer, said plainly, with what to do when there is something to do. */
export function ErrorNotice({ error, what }: { error: Error | null; what: string }) {
  if (!error) return null;
  const status = error instanceof ApiError ? error.status : 0;
  const hint =
    status === 429
      ? ' Too many requests; wait a moment.'
      : status === 0 || status >= 500
        ? ' It will be tried again.'
        : '';
  return (
    <p class="notice notice--error" role="alert">
      Could not load {what}: {error.message}
      {hint}
    </p>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p class="muted" role="status">
      Loading {what}…
    </p>
  );
}
