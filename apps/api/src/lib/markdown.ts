// Markdown to safe HTML, for descriptions and comments. Safe by construction: raw HTML in the input
// is escaped (html: false), links are limited to http(s) and mailto, and every link opens with
// rel="noopener noreferrer nofollow". `@handle` mentions of known people become links.
import { MENTION, mentionedHandles } from '@rytask/contracts';
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

const SAFE_LINK = /^(https?:|mailto:)/i;
md.validateLink = (url: string) => SAFE_LINK.test(url.trim()) || /^[/#]/.test(url.trim());

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  if (!token.attrGet('data-mention')) token.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// What a mention is lives in contracts: the use cases notify exactly the handles this file links.
export { MENTION, mentionedHandles };

// Mentions are linked in text tokens only (never inside code spans, code blocks or links).
md.core.ruler.after('linkify', 'mentions', (state) => {
  const people = (state.env as { people?: Map<string, { id: string; name: string }> } | undefined)?.people ?? new Map<string, { id: string; name: string }>();
  if (people.size === 0) return;
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: typeof block.children = [];
    let insideLink = 0;
    for (const token of block.children) {
      if (token.type === 'link_open') insideLink++;
      if (token.type === 'link_close') insideLink--;
      if (token.type !== 'text' || insideLink > 0) {
        out.push(token);
        continue;
      }
      let last = 0;
      const text = token.content;
      for (const match of text.matchAll(MENTION)) {
        const person = people.get(match[2]!.toLowerCase());
        if (!person) continue;
        const at = match.index! + match[1]!.length;
        if (at > last) out.push(Object.assign(new state.Token('text', '', 0), { content: text.slice(last, at) }));
        const open = new state.Token('link_open', 'a', 1);
        open.attrs = [['href', `/people/${person.id}`], ['class', 'mention'], ['data-mention', person.id], ['title', person.name]];
        out.push(open, Object.assign(new state.Token('text', '', 0), { content: `@${match[2]}` }), new state.Token('link_close', 'a', -1));
        last = at + 1 + match[2]!.length;
      }
      if (last === 0) out.push(token);
      else if (last < text.length) out.push(Object.assign(new state.Token('text', '', 0), { content: text.slice(last) }));
    }
    block.children = out;
  }
});

/** Renders markdown; `people` maps lower-cased handles to the members a mention may link to. */
export function renderMarkdown(text: string, people: Map<string, { id: string; name: string }> = new Map()): string {
  return md.render(text, { people });
}
