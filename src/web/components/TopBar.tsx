import { href, type Route } from '../lib/router.js';
import { useSession } from './context.js';

const ROLE_LABEL = {
  admin: 'Administrator',
  investigator: 'Investigator',
  reviewer: 'Reviewer',
  auditor: 'Auditor',
} as const;

export function TopBar(props: { route: Route; onHelp(): void }) {
  const { me, signOut } = useSession();
  const current = (name: Route['name']) =>
    props.route.name === name ? ({ 'aria-current': 'page' } as const) : {};
  return (
    <header class="topbar">
      <a class="brand" href={href({ name: 'cases' })}>
        chatscreen
      </a>
      <nav aria-label="Main">
        <a href={href({ name: 'cases' })} {...current('cases')}>
          Cases
        </a>
        {me.role === 'auditor' && (
          <a href={href({ name: 'audit', tab: 'chain' })} {...current('audit')}>
            Audit
          </a>
        )}
      </nav>
      <div class="who">
        <span>
          {me.name} <span class="muted">· {ROLE_LABEL[me.role]}</span>
        </span>
        <button type="button" class="ghost" onClick={props.onHelp}>
          Keys <kbd>?</kbd>
        </button>
        <button type="button" class="ghost" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
