import { describe, expect, it } from 'vitest';
import type { Inline } from '../../../src/help/doc-tree.js';
import { parseInline } from '../../../src/help/rst-inline.js';

// Expectations: the inline nodes docutils 0.19 makes of the same text (problematic nodes, which
// print as their text, are shown as text).

const t = (text: string): Inline => ({ kind: 'text', text });

describe(parseInline.name, () => {
  it.each<[string, Inline[]]>([
    ['value is ``SKIP`` , which', [t('value is '), { kind: 'literal', text: 'SKIP' }, t(' , which')]],
    ['**``ALLOW`` ** : A', [t('**'), { kind: 'literal', text: 'ALLOW' }, t(' ** : A')]],
    ['see `Batch enrollment\\: data <https://x/y>`__ for', [t('see '), { kind: 'reference', text: 'Batch enrollment: data' }, t(' for')]],
    ['x `<https://e.com/a>`__ y', [t('x '), { kind: 'reference', text: 'https://e.com/a' }, t(' y')]],
    ['visit https://example.com/path. Now', [t('visit '), { kind: 'reference', text: 'https://example.com/path' }, t('. Now')]],
    ['mail me@example.com now', [t('mail '), { kind: 'reference', text: 'me@example.com' }, t(' now')]],
    ['arn:aws:iam::1:role/x and https://a.b', [t('arn:aws:iam::1:role/x and https://a.b')]],
    ['a ``b`` c ``d``x e', [t('a '), { kind: 'literal', text: 'b' }, t(' c ``d``x e')]],
    ["'*' and (`x`)", [t("'*' and ("), { kind: 'title', text: 'x' }, t(')')]],
    ['\\*not emphasis\\*', [t('*not emphasis*')]],
    ['``D:\\:D:\\`` ,', [{ kind: 'literal', text: 'D:\\:D:\\' }, t(' ,')]],
    ['**bold** and *it*', [{ kind: 'strong', text: 'bold' }, t(' and '), { kind: 'emphasis', text: 'it' }]],
  ])('parses %j as docutils does', (text, expected) => {
    expect(parseInline(text)).toEqual(expected);
  });

  it('keeps line breaks inside text', () => {
    expect(parseInline('``--x`` (string)\nReads')).toEqual([{ kind: 'literal', text: '--x' }, t(' (string)\nReads')]);
  });
});
