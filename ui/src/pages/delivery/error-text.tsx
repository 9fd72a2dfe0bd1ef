/** An error message, with its stack folded away when there is one. */
export function ErrorText({ error, stack }: { error: string | null; stack?: string | null }) {
  if (!error) return <span class="muted">—</span>;
  return (
    <div class="error-text">
      <span class="error-text__message">{error}</span>
      {stack && (
        <details class="error-text__stack">
          <summary>Stack</summary>
          <pre>{stack}</pre>
        </details>
      )}
    </div>
  );
}
