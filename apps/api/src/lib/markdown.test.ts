import { describe, expect, it } from 'vitest';
import { mentionedHandles, renderMarkdown } from './markdown';

const people = new Map([['sam', { id: '11111111-1111-4111-8111-111111111111', name: 'Sam Lee' }]]);

describe('renderMarkdown', () => {
  it('renders markdown', () => {
    expect(renderMarkdown('**bold** and `code`')).toBe('<p><strong>bold</strong> and <code>code</code></p>\n');
  });

  it('escapes raw HTML and script', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops javascript: and data: links, keeps http(s) with rel', () => {
    expect(renderMarkdown('[x](javascript:alert(1)) [y](data:text/html,hi)')).not.toMatch(/href="(javascript|data):/);
    expect(renderMarkdown('[x](https://example.com)')).toContain('<a href="https://example.com" rel="noopener noreferrer nofollow">');
  });

  it('links mentions of known people, not unknown handles, emails or code', () => {
    const html = renderMarkdown('hi @sam and @nobody, mail sam@x.test, `@sam`', people);
    expect(html).toContain('<a href="/people/11111111-1111-4111-8111-111111111111" class="mention" data-mention="11111111-1111-4111-8111-111111111111" title="Sam Lee">@sam</a>');
    expect(html.match(/class="mention"/g)).toHaveLength(1);
    expect(html).toContain('@nobody');
  });

  it('escapes a hostile name in a mention title', () => {
    const html = renderMarkdown('@sam', new Map([['sam', { id: 'x', name: '"><script>alert(1)</script>' }]]));
    expect(html).not.toContain('<script>');
  });
});

describe('mentionedHandles', () => {
  it('finds each handle once, lower-cased, ignoring emails', () => {
    expect(mentionedHandles('@Sam @sam @mia.k, write to bob@example.com')).toEqual(['sam', 'mia.k']);
  });
});
