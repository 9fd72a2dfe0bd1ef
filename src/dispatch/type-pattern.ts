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
