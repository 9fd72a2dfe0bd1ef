import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useSession } from '../auth/session';
import { useLive } from '../live/live-context';
import { BASE, paths } from '../paths';

const NAV = [
  {
    href: paths.deliveries(),
    label: 'Deliveries',
    match: (p: string) => p === BASE || p.startsWith(`${BASE}/deliveries`),
  },
  { href: paths.failures, label: 'Failures', match: (p: string) => p.startsWith(paths.failures) },
  {
    href: paths.endpoints,
    label: 'Endpoints',
    match: (p: string) => p.startsWith(paths.endpoints),
  },
  { href: paths.overview, label: 'Overview', match: (p: string) => p.startsWith(paths.overview) },
];

const LIVE_WORDS = { connecting: 'Connecting…', live: 'Live', polling: 'Polling' } as const;

/** Header, navigation, sign-out and the page. */
export function Shell({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  const { signOut } = useSession();
  const { state } = useLive();

  // After a move to another page, focus its heading, as a page load would put a screen
  // reader at the top; on the first page focus stays where the browser put it.
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [path]);

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="top">
        <a class="top__brand" href={paths.deliveries()}>
          Hookgate
        </a>
        <nav aria-label="Dashboard" class="top__nav">
          {NAV.map((item) => (
            <a
              key={item.href}
              href={item.href}
              class="top__link"
              aria-current={item.match(path) ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <span
          class={`live live--${state}`}
          title={
            state === 'live'
              ? 'New deliveries appear as this gateway process stores them.'
              : 'The event stream is not open: pages refresh every few seconds.'
          }
        >
          {LIVE_WORDS[state]}
        </span>
        <button type="button" class="button button--small top__sign-out" onClick={signOut}>
          Sign out
        </button>
      </header>
      <main id="main" class="page">
        {children}
      </main>
    </>
  );
}
