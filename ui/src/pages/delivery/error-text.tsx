/**
 * An error's first line, with the rest folded away. A run's lastError holds the message and the
 * stack in one text; an attempt has them apart. Either way the stack is one click away.
 */
export function ErrorText({ error, stack }: { error: string | null; stack?: string | null }) {
  if (!error) return <span class="muted">—</span>;
  const [message, ...rest] = error.split('\n');
  const details = stack || rest.join('\n').trim();
  return (
    <div class="error-text">
      <span class="error-text__message">{message}</span>
      {details && (
        <details class="error-text__stack">
          <summary>Stack</summary>
          <pre>{details}</pre>
        </details>
      )}
    </div>
  );
}
