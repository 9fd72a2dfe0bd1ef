/**
 * Handler type patterns: an exact type (`pull_request.opened`), a prefix ending in a
 * separator and `*` (`pull_request.*`, `orders/*`, `repo:*`), or `*` for everything.
 */
const PATTERN = /^(\*|[A-Za-z0-9_.:/-]*[A-Za-z0-9_-]([.:/]\*)?)$/;

export function isValidTypePattern(pattern: string): boolean {
  return PATTERN.test(pattern);
}

export function matchesType(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

/**
 * Whether some type could match both patterns: `*` overlaps everything, two prefixes overlap
 * when one extends the other, an exact type overlaps a prefix it starts with. Two reply
 * handlers may not overlap (see HandlerRegistry.register).
 */
export function patternsOverlap(a: string, b: string): boolean {
  const aPrefix = a.endsWith('*');
  const bPrefix = b.endsWith('*');
  if (aPrefix && bPrefix) {
    const [x, y] = [a.slice(0, -1), b.slice(0, -1)];
    return x.startsWith(y) || y.startsWith(x);
  }
  if (aPrefix) return matchesType(a, b);
  if (bPrefix) return matchesType(b, a);
  return a === b;
}
