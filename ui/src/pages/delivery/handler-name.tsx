/**
 * A run's handler as people read it: a forward target's run is named
 * `forward:<endpoint>:<url>` (docs/architecture.md, glossary), shown as where it forwards to.
 */
export function HandlerName({ name }: { name: string }) {
  const forward = /^forward:[^:]+:(.+)$/.exec(name);
  if (!forward) return <span class="mono wrap">{name}</span>;
  return (
    <span>
      <span class="tag">forward</span> <span class="mono wrap">{forward[1]}</span>
    </span>
  );
}
