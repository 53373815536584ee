import { Kbd } from '../ui/Kbd.js';

/** Wellbeing and identity tools: masking of flagged words, revealing them, unmasking the sender. */
export function ReviewTools(props: {
  masked: boolean;
  revealed: boolean;
  onToggleMask(): void;
  onReveal(): void;
  onUnmask: (() => void) | null;
}) {
  return (
    <div class="tools">
      <button
        type="button"
        class="ghost small"
        aria-pressed={props.masked}
        onClick={props.onToggleMask}
      >
        Mask flagged words <Kbd k="m" />
      </button>
      {props.masked && (
        <button
          type="button"
          class="ghost small"
          onClick={props.onReveal}
          disabled={props.revealed}
        >
          Reveal this flag <Kbd k="v" />
        </button>
      )}
      {props.onUnmask !== null && (
        <button type="button" class="ghost small" onClick={props.onUnmask}>
          Unmask sender <Kbd k="u" />
        </button>
      )}
    </div>
  );
}
