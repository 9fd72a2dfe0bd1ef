import { useState } from 'preact/hooks';
import type { AdminClient } from '../../api/client';

/**
 * Save the raw body as stored. The download needs the bearer token, so the bytes are fetched
 * and handed to the browser as a blob, never through a URL that carries the token.
 */
export function RawDownload({ id, client }: { id: string; client: AdminClient }) {
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    setError(null);
    try {
      const { blob, filename } = await client.download(`/deliveries/${encodeURIComponent(id)}/raw`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <span>
      <button type="button" class="button" onClick={save}>
        Download raw body
      </button>
      {error && (
        <span class="notice notice--inline notice--error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
