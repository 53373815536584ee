import type { ComponentChildren } from 'preact';

export function Notice(props: { kind?: 'info' | 'warn' | 'error'; children: ComponentChildren }) {
  const kind = props.kind ?? 'info';
  return (
    <div class={`notice ${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {props.children}
    </div>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {props.what}…
    </p>
  );
}
