/** A key as shown on buttons and in the help list. */
export function Kbd(props: { k: string }) {
  return <kbd>{props.k.length === 1 ? props.k.toUpperCase() : props.k}</kbd>;
}
