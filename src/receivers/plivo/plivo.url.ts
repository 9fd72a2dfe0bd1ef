import type { FormParams } from '../shared/sorted-params';

/** A URL as Plivo's signatures see it: the part before `?`, and the decoded query. */
export interface PlivoUrl {
  /** scheme://host[:port]/path exactly as given, without query or fragment. */
  readonly base: string;
  readonly query: FormParams;
}

/**
 * Split without normalizing the path. The fragment is dropped: Plivo reads callback settings
 * (`#ct=2000&rt=...`) from it and never sends it
 * (https://www.plivo.com/docs/voice/concepts/callback-configurations/). The query is decoded
 * with form rules, as plivo-node's `querystring.parse` does before sorting it.
 */
export function splitPlivoUrl(url: string): PlivoUrl {
  const withoutFragment = url.split('#', 1)[0];
  const mark = withoutFragment.indexOf('?');
  if (mark < 0) return { base: withoutFragment, query: {} };
  const query: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(withoutFragment.slice(mark + 1)))
    (query[key] ??= []).push(value);
  return { base: withoutFragment.slice(0, mark), query };
}
