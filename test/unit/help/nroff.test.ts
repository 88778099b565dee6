import { describe, expect, it } from 'vitest';
import { renderOverstrike, stripOverstrike } from '../../../src/help/grotty.js';
import { formatMan } from '../../../src/help/nroff.js';
import { BULLET, type ManRequest, type Span } from '../../../src/help/roff.js';

// Each expectation is what groff 1.22.4 (`groff -m man -T ascii`) printed for the same requests
// written as docutils man source, overstrike stripped, from the first heading to the last text line.

const text = (...spans: Span[]): ManRequest => ({ kind: 'text', spans });
const r = (t: string): Span => ({ text: t, font: 'R' });
const paragraph = (...spans: Span[]): ManRequest[] => [{ kind: 'TH', title: 'T' }, { kind: 'SH', title: 'DESCRIPTION' }, { kind: 'sp' }, text(...spans)];

function body(requests: readonly ManRequest[]): string[] {
  return stripOverstrike(renderOverstrike(formatMan(requests)))
    .split('\n')
    .slice(4, -5);
}

describe(formatMan.name, () => {
  it('adjusts both margins, putting the extra spaces alternately left and right', () => {
    const words =
      'The enrollment config that contains details such as the action to take when a speaker is already enrolled in ' +
      'Voice ID or when a speaker is identified as a fraudster, and more words to make it four lines long for the test of alternation.';
    expect(body(paragraph(r(words)))).toEqual([
      'DESCRIPTION',
      '       The  enrollment config that contains details such as the action to take',
      '       when a speaker is already enrolled in Voice ID or  when  a  speaker  is',
      '       identified  as  a  fraudster, and more words to make it four lines long',
      '       for the test of alternation.',
    ]);
  });

  it('hyphenates the word that overflows, in its font', () => {
    const requests = paragraph(r('Contains details that are populated when an entire job fails; the '), { text: 'JobStatus', font: 'B' }, r(' is shown.'));
    expect(body(requests)).toEqual([
      'DESCRIPTION',
      '       Contains  details that are populated when an entire job fails; the Job-',
      '       Status is shown.',
    ]);
    expect(renderOverstrike(formatMan(requests))).toContain('J\bJo\bob\bb-\b-\n');
  });

  it('when the first word of a span is inhibited (\\%) then it is not hyphenated', () => {
    const before = r('Refer to the documentation of these services for details, see the ');
    const link: Span = { text: 'Hyphenation rules', font: 'I' };
    expect(body(paragraph(before, link, r(' now.')))).toEqual([
      'DESCRIPTION',
      '       Refer  to  the documentation of these services for details, see the Hy-',
      '       phenation rules now.',
    ]);
    expect(body(paragraph(before, { ...link, inhibit: true }, r(' now.')))).toEqual([
      'DESCRIPTION',
      '       Refer  to  the  documentation  of  these  services for details, see the',
      '       Hyphenation rules now.',
    ]);
  });

  it('puts a word longer than the line on a line of its own', () => {
    expect(body(paragraph(r('See s3://bucket-with-a-very-long-name-0123456789/0123456789/0123456789/0123456789 for it.')))).toEqual([
      'DESCRIPTION',
      '       See',
      '       s3://bucket-with-a-very-long-name-0123456789/0123456789/0123456789/0123456789',
      '       for it.',
    ]);
  });

  it('puts two spaces after a sentence that ends an input line', () => {
    const requests = [
      ...paragraph(r('First sentence of the paragraph ends here.')),
      text(r('Second line of input text, which continues long enough to wrap once.')),
    ];
    expect(body(requests)).toEqual([
      'DESCRIPTION',
      '       First  sentence of the paragraph ends here.  Second line of input text,',
      '       which continues long enough to wrap once.',
    ]);
  });

  it('indents by 3.5 ens rounded down, and sets bullets beside their text', () => {
    const requests: ManRequest[] = [
      { kind: 'TH', title: 'T' },
      { kind: 'SH', title: 'OPTIONS' },
      { kind: 'sp' },
      text({ text: '--output', font: 'B' }, r(' (string)')),
      { kind: 'INDENT', ens: 0 },
      { kind: 'INDENT', ens: 3.5 },
      text(r('Level one.')),
      { kind: 'INDENT', ens: 0 },
      { kind: 'INDENT', ens: 3.5 },
      text(r('Level two, indented by 3.5 ens twice and rounded down to seventeen columns here.')),
      { kind: 'UNINDENT' },
      { kind: 'UNINDENT' },
      { kind: 'INDENT', ens: 0 },
      { kind: 'IP', tag: [BULLET], ens: 2 },
      text(r('json')),
      { kind: 'IP', tag: [BULLET], ens: 2 },
      text(r('A bullet item long enough to wrap onto a second line, which starts under its text.')),
      { kind: 'UNINDENT' },
      { kind: 'UNINDENT' },
      { kind: 'UNINDENT' },
    ];
    expect(body(requests)).toEqual([
      'OPTIONS',
      '       --output (string)',
      '          Level one.',
      '              Level  two, indented by 3.5 ens twice and rounded down to seven-',
      '              teen columns here.',
      '',
      '          o json',
      '',
      '          o A bullet item long enough to wrap onto a second line, which starts',
      '            under its text.',
    ]);
    expect(renderOverstrike(formatMan(requests))).toContain('          +\bo json\n');
  });

  it('frames the page with the title line, three blank lines, and the footer', () => {
    const lines = renderOverstrike(formatMan(paragraph(r('Text.')))).split('\n');
    expect(lines.slice(0, 5)).toEqual([`T()${' '.repeat(72)}T()`, '', '', '', 'D\bDE\bES\bSC\bCR\bRI\bIP\bPT\bTI\bIO\bON\bN']);
    expect(lines.slice(-6)).toEqual(['       Text.', '', '', '', `${' '.repeat(75)}T()`, '']);
  });

  it('keeps literal lines as they are in no-fill mode', () => {
    const requests: ManRequest[] = [...paragraph(r('Syntax:')), { kind: 'nf' }, text(r('  {')), text(r('    "A": "string"')), text(r('  }')), { kind: 'fi' }];
    expect(body(requests)).toEqual(['DESCRIPTION', '       Syntax:', '         {', '           "A": "string"', '         }']);
  });
});
