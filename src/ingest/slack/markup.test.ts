import { describe, expect, it } from 'vitest';
import { renderSlackMarkup, unescapeSlack } from './markup.js';

const users: Record<string, string> = { U123: 'Bob Test', U9: 'R&D <lead>' };
const channels: Record<string, string> = { C1: 'general' };
const names = {
  user: (id: string) => users[id] ?? null,
  channel: (id: string) => channels[id] ?? null,
};

describe('renderSlackMarkup', () => {
  const cases: [string, string][] = [
    ['hi <@U123>!', 'hi @Bob Test!'],
    ['<@U123|bob> and <@UNKNOWN|old> and <@UNKNOWN2>', '@Bob Test and @old and @UNKNOWN2'],
    ['see <#C1|general> and <#C1> and <#C9>', 'see #general and #general and #C9'],
    [
      '<https://example.org|the plan> or <https://example.org/a?b=1&amp;c=2>',
      'the plan or https://example.org/a?b=1&c=2',
    ],
    ['<mailto:a@example.org|a@example.org>', 'a@example.org'],
    ['<!here> <!channel|channel> <!everyone>', '@here @channel @everyone'],
    ['<!subteam^S123|@oncall> <!date^1392734382^{date}|Feb 18, 2014>', '@oncall Feb 18, 2014'],
    [
      '1 &lt; 2 &amp;&amp; 3 &gt; 2, &amp;lt; stays one level',
      '1 < 2 && 3 > 2, &lt; stays one level',
    ],
    ['label with &lt;b&gt;: <https://x.org|a &lt;b&gt;>', 'label with <b>: a <b>'],
    ['names are inserted raw: <@U9>', 'names are inserted raw: @R&D <lead>'],
    [
      'emoji 👩‍👩‍👧 and RTL שלום\u200f and cafe\u0301',
      'emoji 👩‍👩‍👧 and RTL שלום\u200f and cafe\u0301',
    ],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      expect(renderSlackMarkup(input, names)).toBe(expected);
    });
  }

  it('unescapes only &lt; &gt; &amp;', () => {
    expect(unescapeSlack('&quot;&lt;&#39;')).toBe('&quot;<&#39;');
  });
});
