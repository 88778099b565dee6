import { describe, expect, it } from 'vitest';
import { includeDocString } from '../../../src/help/html-doc.js';
import { RstWriter } from '../../../src/help/rst-writer.js';

// Expectations: what awscli 2.9.19's bcdoc (ReSTDocument(target='man').include_doc_string) wrote
// for the same HTML. The hyperlink targets bcdoc appends at the very end of a page are left out.

function rst(html: string): string {
  const doc = new RstWriter();
  includeDocString(doc, html);
  return doc.value();
}

describe(includeDocString.name, () => {
  it.each([
    ['<p>The default value is <code>SKIP</code>, which skips.</p>', '\n\nThe default value is ``SKIP`` , which skips.\n\n'],
    ['<p>Refer to <a href="https://x/y">Batch enrollment: data</a> for it.</p>', '\n\nRefer to `Batch enrollment\\: data <https://x/y>`__ for it.\n\n'],
    ['<p>Empty <a href="https://x">  </a> link and <a>DescribeX</a> bare.</p>', '\n\nEmpty `https://x`__ link and  DescribeX bare.\n\n'],
    ['<p>Spaces   inside\n  text </p>  <p> second</p>', '\n\nSpaces inside text \n\n \n\nsecond\n\n'],
    [
      '<p>Types:</p> <ul> <li> <p> <code>A</code>: first.</p> </li> <li><p>second</p></li> </ul>',
      '\n\nTypes:\n\n \n\n \n* ``A`` : first. \n \n* second\n \n\n',
    ],
    ['Reads ``--x`` plain &amp; &lt;b&gt; <b>bold </b> <i>it</i><code></code>', 'Reads ``--x`` plain & <b> **bold**  *it* '],
    ['<p>Drop <examples>this</examples> and <strong>keep</strong> that.</p>', '\n\nDrop and keepthat.\n\n'],
    ['<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>', '\n\n\n* one\n\n  \n  * nested\n  \n\n\n\n* two\n\n\n'],
  ])('writes %j as bcdoc does', (html, expected) => {
    expect(rst(html)).toBe(expected);
  });

  it('writes nothing for a missing or empty doc string', () => {
    expect(rst('')).toBe('');
    const doc = new RstWriter();
    includeDocString(doc, undefined);
    expect(doc.value()).toBe('');
  });

  it('indents paragraphs by the writer indentation', () => {
    const doc = new RstWriter();
    doc.indent();
    includeDocString(doc, '<p>a</p>');
    expect(doc.value()).toBe('\n\n  a\n\n  ');
  });
});
