/** Resolves the ids Slack markup refers to. */
export interface MarkupNames {
  user(id: string): string | null;
  channel(id: string): string | null;
}

const TOKEN = /<([^<>]*)>/g;

/** Slack escapes only these three in message text (https://api.slack.com/reference/surfaces/formatting). */
export function unescapeSlack(text: string): string {
  return text.replace(/&(lt|gt|amp);/g, (_, name: string) =>
    name === 'lt' ? '<' : name === 'gt' ? '>' : '&',
  );
}

function renderToken(inner: string, names: MarkupNames): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? null : unescapeSlack(inner.slice(bar + 1));
  if (target.startsWith('@')) {
    // The current name from users.json is what the reader saw; a label is the name at the time.
    return `@${names.user(target.slice(1)) ?? label ?? target.slice(1)}`;
  }
  if (target.startsWith('#'))
    return `#${label ?? names.channel(target.slice(1)) ?? target.slice(1)}`;
  if (target.startsWith('!')) {
    const command = target.slice(1);
    if (command === 'here' || command === 'channel' || command === 'everyone') return `@${command}`;
    if (command.startsWith('date^')) return label ?? '';
    if (command.startsWith('subteam^')) return label ?? `@${command.slice('subteam^'.length)}`;
    return label ?? `@${command}`;
  }
  return label ?? unescapeSlack(target);
}

/**
 * Renders Slack's message markup to what people saw: `<@U123>` → `@Name`, `<#C1|general>` →
 * `#general`, `<https://x|label>` → `label` (or the URL), `<!here>` → `@here`, and `&lt; &gt; &amp;`
 * unescaped. Names substituted from users.json are inserted as they are (never unescaped).
 * Offsets into the message then refer to this rendered text; the importer says so in the report.
 */
export function renderSlackMarkup(text: string, names: MarkupNames): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    out += unescapeSlack(text.slice(last, match.index));
    out += renderToken(match[1] ?? '', names);
    last = match.index + match[0].length;
  }
  return out + unescapeSlack(text.slice(last));
}
