import type { HelpRow } from '../lib/keys.js';
import { Dialog } from './ui/Dialog.js';

export function HelpOverlay(props: { rows: readonly HelpRow[]; onClose(): void }) {
  return (
    <Dialog title="Keyboard" onClose={props.onClose}>
      <table class="keys">
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.action}>
              <td>
                {row.keys.map((k) => (
                  <kbd key={k}>{k}</kbd>
                ))}
              </td>
              <td>{row.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        Keys do nothing while you type in a field. Every control is also reachable with Tab.
      </p>
    </Dialog>
  );
}
