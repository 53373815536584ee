import { useEffect, useRef } from 'preact/hooks';
import { isTypingTarget } from '../../lib/keys.js';

/**
 * One window-level key handler for a review screen. Keys never act while a dialog is open, while
 * the person types in a field, or when Enter/Space would press a focused button (the button's own
 * action wins). The handler returns true when it used the key.
 */
export function useReviewKeys(handle: (key: string) => boolean): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('dialog[open]') !== null) return;
      if (isTypingTarget(event.target)) return;
      const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      const onControl =
        event.target instanceof HTMLButtonElement ||
        event.target instanceof HTMLAnchorElement ||
        (event.target instanceof HTMLElement && event.target.tagName === 'SUMMARY');
      if (onControl && (key === 'Enter' || key === ' ')) return;
      if (latest.current(key)) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
