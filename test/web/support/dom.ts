/**
 * The few browser types that code inside `page.evaluate` touches. The test files are checked
 * with the Node library (the DOM library would change Node's own types for the whole project),
 * so each file declares `document` and `window` locally with these shapes; the callbacks run in
 * Chromium, where the real ones exist.
 */
export interface BrowserElement {
  tagName: string;
  parentElement: BrowserElement | null;
  className: string;
  textContent: string | null;
  classList: { contains(name: string): boolean };
  style: Record<string, string>;
  scrollTop: number;
  clientHeight: number;
  scrollHeight: number;
  getAttribute(name: string): string | null;
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): ArrayLike<BrowserElement> & Iterable<BrowserElement>;
  blur(): void;
}

export interface BrowserDocument {
  body: BrowserElement;
  documentElement: BrowserElement & { scrollWidth: number };
  activeElement: BrowserElement | null;
  querySelector(selector: string): BrowserElement | null;
  querySelectorAll(selector: string): ArrayLike<BrowserElement> & Iterable<BrowserElement>;
}

export interface BrowserWindow {
  innerWidth: number;
  getComputedStyle(element: BrowserElement): {
    outlineStyle: string;
    outlineWidth: string;
    color: string;
    backgroundColor: string;
  };
}

export interface LayoutShiftSource {
  node?: BrowserElement | null;
  previousRect: { y: number };
  currentRect: { y: number };
}

export interface LayoutShiftEntry {
  value: number;
  hadRecentInput: boolean;
  sources?: LayoutShiftSource[];
}
