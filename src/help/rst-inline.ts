// Inline reST markup, the part docutils recognises in what bcdoc writes: ``literal``, **strong**,
// *emphasis*, `text <url>`__ references, `title` references, backslash escapes, and standalone
// URIs and e-mail addresses, with the reST rules for where a start-string and an end-string may
// stand. No substitutions, footnotes or `name_` references. No I/O.
import type { Inline } from './doc-tree.js';
import helpData from './help-data.json' with { type: 'json' };

// Characters that may stand before a start-string, and after an end-string (besides space).
const BEFORE_START = new Set([...`-:/'"<([{`]);
const AFTER_END = new Set([...`-.,:;!?\\/'")]}>`]);
const CLOSING: Readonly<Record<string, string>> = { "'": "'", '"': '"', '<': '>', '(': ')', '[': ']', '{': '}' };

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/**
 * Splits a paragraph's text into inline nodes.
 * @example parseInline('value is ``SKIP`` , which') // text, literal 'SKIP', text
 */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const flush = (): void => {
    out.push(...implicitInline(plain));
    plain = '';
  };
  let i = 0;
  // docutils quirk (Inliner.parse): after markup, recognised or not, the rest of the text is
  // searched afresh, so a start-string right there counts as the start of the text.
  let fresh = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '\\') {
      const next = text[i + 1];
      if (next !== undefined && !isSpace(next)) plain += next;
      i += 2;
      continue;
    }
    const markup = matchMarkup(text, i, i === fresh);
    if (markup) {
      if (markup.node) {
        flush();
        out.push(markup.node);
      } else plain += text.slice(i, markup.end);
      i = markup.end;
      fresh = i;
      continue;
    }
    plain += ch;
    i += 1;
  }
  flush();
  return out;
}

/** Markup found at a position: its node, or none when the start-string has no end (kept as text). */
interface Match {
  readonly node?: Inline;
  readonly end: number;
}

function matchMarkup(text: string, at: number, fresh: boolean): Match | undefined {
  const markup = text.startsWith('``', at) ? '``' : text.startsWith('**', at) ? '**' : text[at] === '*' || text[at] === '`' ? text[at] : '';
  if (!markup || !canStart(text, at, markup, fresh)) return undefined;
  const before = fresh ? undefined : text[at - 1];
  // A start-string between matching quotes or brackets, as in '*' or (`), is plain text.
  if (before !== undefined && CLOSING[before] === text[at + markup.length]) return { end: at + markup.length };
  const found =
    markup === '``'
      ? matchDelimited(text, at, '``', 'literal', false)
      : markup === '**'
        ? matchDelimited(text, at, '**', 'strong', true)
        : markup === '*'
          ? matchDelimited(text, at, '*', 'emphasis', true)
          : matchInterpreted(text, at);
  return found ?? { end: at + markup.length };
}

function canStart(text: string, at: number, markup: string, fresh: boolean): boolean {
  const after = text[at + markup.length];
  if (after === undefined || isSpace(after)) return false;
  const before = fresh ? undefined : text[at - 1];
  return before === undefined || isSpace(before) || BEFORE_START.has(before);
}

// An end-string follows a non-space; for all but literals, not an escaped character either.
function canEnd(text: string, at: number, after: number, literal = false): boolean {
  if (isSpace(text[at - 1]) || (!literal && text[at - 1] === '\\')) return false;
  const next = text[after];
  return next === undefined || isSpace(next) || AFTER_END.has(next);
}

function matchDelimited(text: string, at: number, markup: string, kind: Inline['kind'], escapes: boolean): Match | undefined {
  for (let end = text.indexOf(markup, at + markup.length + 1); end !== -1; end = text.indexOf(markup, end + 1)) {
    if (!canEnd(text, end, end + markup.length, !escapes)) continue;
    const content = text.slice(at + markup.length, end);
    return { node: { kind, text: escapes ? unescapeMarkup(content) : content }, end: end + markup.length };
  }
  return undefined;
}

// `text <url>`__ or `text <url>`_ is a reference; a plain `text` is a title reference.
function matchInterpreted(text: string, at: number): Match | undefined {
  for (let end = text.indexOf('`', at + 2); end !== -1; end = text.indexOf('`', end + 1)) {
    const suffix = text.startsWith('`__', end) ? '`__' : text.startsWith('`_', end) ? '`_' : '`';
    if (!canEnd(text, end, end + suffix.length)) continue;
    const content = text.slice(at + 1, end);
    const target = /^([\s\S]*?)\s*<([^<>]*)>$/.exec(content);
    if (suffix !== '`' && target) {
      const [, label = '', url = ''] = target;
      return { node: { kind: 'reference', text: label ? unescapeMarkup(label) : url }, end: end + suffix.length };
    }
    return { node: { kind: suffix === '`' ? 'title' : 'reference', text: unescapeMarkup(content) }, end: end + suffix.length };
  }
  return undefined;
}

function unescapeMarkup(text: string): string {
  return text.replace(/\\([\s\S])/g, (_, ch: string) => (isSpace(ch) ? '' : ch));
}

// docutils Inliner.patterns.uri, for the text between explicit markup (states.py).
const URIC = String.raw`[-_.!~*'()[\];/:@&=+$,%a-zA-Z0-9]`;
const URI_END = `(?:[_~*/=+a-zA-Z0-9]|${URIC}(?=>))`;
const EMAILC = `[-_!~*'{|}/#?^${'`'}&=+$%a-zA-Z0-9]`;
const STANDALONE_URI = new RegExp(
  String.raw`(?:^|(?<=[\s"'(<[{\-/:]))` +
    String.raw`(?<whole>(?<scheme>[a-zA-Z][a-zA-Z0-9.+-]*):(?:\/\/?)?${URIC}*${URI_END}(?:\?${URIC}*${URI_END})?(?:#${URIC}*${URI_END})?` +
    String.raw`|${EMAILC}+(?:\.${EMAILC}+)*@${EMAILC}+(?:\.${EMAILC}*)*${URI_END})` +
    String.raw`(?=$|[\s\\.,;!?\-/:"')>\]}])`,
);
const URI_SCHEMES = new Set(helpData.uriSchemes);

// docutils quirk (Inliner.implicit_inline): only the first candidate counts; when its scheme is
// unknown (`arn:aws:...`), the rest of the text is not searched.
function implicitInline(text: string): Inline[] {
  if (!text) return [];
  const match = STANDALONE_URI.exec(text);
  const whole = match?.groups?.whole;
  if (!match || whole === undefined) return [{ kind: 'text', text }];
  const scheme = match.groups?.scheme;
  if (scheme !== undefined && !URI_SCHEMES.has(scheme.toLowerCase())) return [{ kind: 'text', text }];
  return [...implicitInline(text.slice(0, match.index)), { kind: 'reference', text: whole }, ...implicitInline(text.slice(match.index + whole.length))];
}
