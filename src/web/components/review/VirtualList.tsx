import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

const OVERSCAN = 6;

interface Props {
  ids: readonly string[];
  rowHeight: number;
  selectedId: string | null;
  onSelect(id: string): void;
  renderRow(id: string, index: number, selected: boolean): ComponentChildren;
  label: string;
  /** An extra class for the list (row layouts differ between queues). */
  class?: string;
  /** The rows fully or partly on screen (indices, inclusive), whenever that changes. */
  onWindow?(window: { first: number; last: number }): void;
}

/**
 * A windowed list of fixed-height rows: only the rows in view (and a few either side) are in the
 * DOM, so 20,000 flags cost what 40 do. When rows arrive or the order changes, the row the reader
 * is looking at (the selected one if visible, else the top one) keeps its place on screen: new
 * flags never push what is being read.
 */
export function VirtualList(props: Props) {
  const { ids, rowHeight } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 480 });
  const anchor = useRef<{ id: string; offset: number } | null>(null);
  const shownIds = useRef(ids);
  const reported = useRef('');
  const index = useMemo(() => new Map(ids.map((id, i) => [id, i])), [ids]);

  useEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const observer = new ResizeObserver(() =>
      setView({ top: el.scrollTop, height: el.clientHeight }),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // Rows changed: put the anchored row back where it was before the browser paints.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null || shownIds.current === ids) return;
    shownIds.current = ids;
    const held = anchor.current;
    if (held === null) return;
    const at = index.get(held.id);
    if (at === undefined) return;
    const top = at * rowHeight - held.offset;
    if (Math.abs(el.scrollTop - top) >= 1) el.scrollTop = top;
    if (el.scrollTop !== view.top) setView({ top: el.scrollTop, height: el.clientHeight });
  }, [ids, index, rowHeight, view.top]);

  // The reader moved the selection: bring it into view, moving as little as possible.
  useLayoutEffect(() => {
    const el = scroller.current;
    const at = props.selectedId === null ? undefined : index.get(props.selectedId);
    if (el === null || at === undefined) return;
    const rowTop = at * rowHeight;
    if (rowTop < el.scrollTop) el.scrollTop = rowTop;
    else if (rowTop + rowHeight > el.scrollTop + el.clientHeight) {
      el.scrollTop = rowTop + rowHeight - el.clientHeight;
    }
    // Render the rows there now rather than on the scroll event: the selected row (the listbox's
    // active descendant) must exist in the same frame.
    if (el.scrollTop !== view.top) setView({ top: el.scrollTop, height: el.clientHeight });
    // Dependencies: only a new selection scrolls; arrivals are anchored above
  }, [props.selectedId]);

  // Remember what to hold still next time: the selection if on screen, else the top row.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el === null) return;
    const top = el.scrollTop;
    const selected = props.selectedId === null ? undefined : index.get(props.selectedId);
    const onScreen =
      selected !== undefined &&
      selected * rowHeight + rowHeight > top &&
      selected * rowHeight < top + el.clientHeight;
    const at = onScreen ? selected : Math.min(ids.length - 1, Math.floor(top / rowHeight));
    const id = at === undefined || at < 0 ? undefined : ids[at];
    anchor.current =
      id === undefined || at === undefined ? null : { id, offset: at * rowHeight - top };
    const window = {
      first: Math.floor(top / rowHeight),
      last: Math.min(ids.length - 1, Math.floor((top + el.clientHeight - 1) / rowHeight)),
    };
    const key = `${window.first}:${window.last}`;
    if (key !== reported.current) {
      reported.current = key;
      props.onWindow?.(window);
    }
  });

  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(ids.length, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  const selectedIndex = props.selectedId === null ? undefined : index.get(props.selectedId);
  const activeInDom = selectedIndex !== undefined && selectedIndex >= first && selectedIndex < last;
  const rows: ComponentChildren[] = [];
  for (let i = first; i < last; i += 1) {
    const id = ids[i];
    if (id === undefined) continue;
    const selected = i === selectedIndex;
    rows.push(
      // biome-ignore lint/a11y/useKeyWithClickEvents: the listbox takes J/K and the arrow keys (aria-activedescendant); a click is a shortcut
      <div
        key={id}
        id={`row-${id}`}
        role="option"
        tabIndex={-1}
        aria-selected={selected}
        class={selected ? 'vrow selected' : 'vrow'}
        style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}
        onClick={() => props.onSelect(id)}
      >
        {props.renderRow(id, i, selected)}
      </div>,
    );
  }
  return (
    <div
      ref={scroller}
      class={props.class === undefined ? 'vlist' : `vlist ${props.class}`}
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={
        activeInDom && props.selectedId !== null ? `row-${props.selectedId}` : undefined
      }
      onScroll={(e) =>
        setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })
      }
    >
      {/* Room to scroll past the last row: rows arriving above the one being read can always be
          absorbed by scrolling, even while the list is shorter than its window. */}
      <div
        class="vlist-inner"
        style={{ height: `${ids.length * rowHeight + Math.max(0, view.height - rowHeight)}px` }}
      >
        {rows}
      </div>
    </div>
  );
}
