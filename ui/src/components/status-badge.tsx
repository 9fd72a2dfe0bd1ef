/** A status shown by its word and its colour (never by colour alone). */
export function StatusBadge({ status }: { status: string }) {
  return (
    <span class={`status status--${status.replace(/[^a-z_]/g, '')}`}>
      {status.replace('_', ' ')}
    </span>
  );
}
