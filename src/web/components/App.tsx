import { useEffect, useMemo, useState } from 'preact/hooks';
import { Api, ApiError, SIGNED_OUT_EVENT } from '../api/client.js';
import type { Me } from '../api/types.js';
import { isTypingTarget, REVIEW_HELP } from '../lib/keys.js';
import type { Route } from '../lib/router.js';
import { clearSession, loadToken, saveToken } from '../state/session.js';
import { AuditPage } from './audit/AuditPage.js';
import { ReplayPage } from './audit/ReplayPage.js';
import { ReportPage } from './audit/ReportPage.js';
import { CaseList } from './cases/CaseList.js';
import { CasePage } from './cases/CasePage.js';
import { type Session, SessionContext } from './context.js';
import { HelpOverlay } from './HelpOverlay.js';
import { QcPage } from './qc/QcPage.js';
import { ReviewPage } from './review/ReviewPage.js';
import { SignIn } from './SignIn.js';
import { TopBar } from './TopBar.js';
import { Loading } from './ui/Notice.js';
import { useRoute } from './use-route.js';

export function App() {
  const [token, setToken] = useState(loadToken);
  const [me, setMe] = useState<Me | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (token === null || me !== null) return;
    new Api(token).get<Me>('/api/me').then(setMe, (error: unknown) => {
      clearSession();
      setToken(null);
      setMessage(
        error instanceof ApiError && error.status === 401
          ? 'Your session ended: sign in again.'
          : 'The service did not answer.',
      );
    });
  }, [token, me]);

  // A token that stops working mid-session (disabled, replaced) ends the session cleanly.
  useEffect(() => {
    const onSignedOut = () => {
      clearSession();
      setMe(null);
      setToken(null);
      setMessage('Your token is no longer accepted: sign in again.');
    };
    window.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
  }, []);

  const session = useMemo<Session | null>(() => {
    if (token === null || me === null) return null;
    return {
      api: new Api(token),
      me,
      signOut() {
        clearSession();
        setMe(null);
        setToken(null);
        setMessage('Signed out.');
        location.hash = '#/';
      },
    };
  }, [token, me]);

  if (token === null) {
    return (
      <SignIn
        message={message}
        onSignedIn={(value, who) => {
          saveToken(value);
          setToken(value);
          setMe(who);
        }}
      />
    );
  }
  if (session === null) return <Loading what="your session" />;
  return (
    <SessionContext.Provider value={session}>
      <Shell />
    </SessionContext.Provider>
  );
}

function Shell() {
  const route = useRoute();
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !isTypingTarget(event.target) && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        setHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div class="shell">
      <TopBar route={route} onHelp={() => setHelp(true)} />
      {renderPage(route)}
      {help && <HelpOverlay rows={REVIEW_HELP} onClose={() => setHelp(false)} />}
    </div>
  );
}

function renderPage(route: Route) {
  switch (route.name) {
    case 'cases':
      return <CaseList />;
    case 'case':
      return <CasePage key={route.caseId} caseId={route.caseId} />;
    case 'review':
      return <ReviewPage key={route.runId} runId={route.runId} />;
    case 'qc':
      return <QcPage key={route.runId} runId={route.runId} />;
    case 'replay':
      return <ReplayPage key={route.runId} runId={route.runId} replayId={route.replayId} />;
    case 'report':
      return <ReportPage key={route.caseId} caseId={route.caseId} />;
    case 'audit':
      return <AuditPage tab={route.tab} />;
  }
}
