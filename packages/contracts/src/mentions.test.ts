import { describe, expect, it } from 'vitest';
import { mentionedHandles } from './mentions';

describe('mentionedHandles', () => {
  it('finds each handle once, lower-cased, not inside emails', () => {
    expect(mentionedHandles('@Sam @sam @mia.k, write to bob@example.com; (@lee) end.')).toEqual(['sam', 'mia.k', 'lee']);
  });

  it('leaves out code: inline spans and fenced blocks, closed or not', () => {
    expect(mentionedHandles('ask `@sam` or ``@x` `` — @mia')).toEqual(['mia']);
    expect(mentionedHandles('```\n@sam\n```\n@mia\n~~~js\n@lee\n~~~\n@ann')).toEqual(['mia', 'ann']);
    expect(mentionedHandles('@mia\n```\n@sam\nstill code @lee')).toEqual(['mia']);
  });
});
