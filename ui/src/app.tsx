import { useCallback, useMemo, useState } from 'preact/hooks';
import { LocationProvider, Route, Router } from 'preact-iso';
import { adminClient } from './api/client';
import { SessionContext } from './auth/session';
import { SignIn } from './auth/sign-in';
import { forgetToken, keepToken, storedToken } from './auth/token-storage';
import { Shell } from './layout/shell';
import { LiveProvider } from './live/live-context';
import { DeliveriesPage } from './pages/deliveries/deliveries-page';
import { DeliveryPage } from './pages/delivery/delivery-page';
import { EndpointsPage } from './pages/endpoints/endpoints-page';
import { FailuresPage } from './pages/failures/failures-page';
import { NotFoundPage } from './pages/not-found-page';
import { OverviewPage } from './pages/overview/overview-page';
import { BASE } from './paths';

const REFUSED = 'The gateway no longer accepts this token. Sign in again.';

/** Sign-in until the gateway accepted a token; then the pages, sharing one client. */
export function App() {
  const [token, setToken] = useState(storedToken);
  const [notice, setNotice] = useState<string | null>(null);

  const signOut = useCallback((reason: string | null = null) => {
    forgetToken();
    setNotice(reason);
    setToken(null);
  }, []);
  const session = useMemo(
    () =>
      token
        ? { client: adminClient(token, () => signOut(REFUSED)), signOut: () => signOut() }
        : null,
    [token, signOut],
  );

  if (!session) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(accepted) => {
          keepToken(accepted);
          setNotice(null);
          setToken(accepted);
        }}
      />
    );
  }
  return (
    <SessionContext.Provider value={session}>
      <LiveProvider>
        <LocationProvider scope={BASE}>
          <Shell>
            <Router>
              <Route path={BASE} component={DeliveriesPage} />
              <Route path={`${BASE}/deliveries/:id`} component={DeliveryPage} />
              <Route path={`${BASE}/failures`} component={FailuresPage} />
              <Route path={`${BASE}/endpoints`} component={EndpointsPage} />
              <Route path={`${BASE}/overview`} component={OverviewPage} />
              <Route default component={NotFoundPage} />
            </Router>
          </Shell>
        </LocationProvider>
      </LiveProvider>
    </SessionContext.Provider>
  );
}
