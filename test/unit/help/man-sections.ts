// Test helpers for help pages: the recorded fixtures in fixtures/help/ and a page split into its
// sections (a heading is a line that starts in column 0, between the title and footer lines).
import { readFileSync } from 'node:fs';
import { stripOverstrike } from '../../../src/help/grotty.js';

/** A file of fixtures/help/, as the bytes the reference wrote (ASCII). */
export function readHelpFixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/help/${name}`, import.meta.url), 'latin1');
}

export interface PageSection {
  readonly heading: string;
  /** The section's lines as written (overstrike kept), heading line included. */
  readonly text: string;
}

/** The sections of an overstrike page, in order. The title and footer lines are left out. */
export function pageSections(page: string): PageSection[] {
  const lines = page.split('\n');
  const sections: { heading: string; lines: string[] }[] = [];
  // Line 0 is the title, the last two are the footer and the empty string after its newline.
  for (const line of lines.slice(1, -2)) {
    const plain = stripOverstrike(line);
    if (/^[A-Z]/.test(plain)) sections.push({ heading: plain, lines: [line] });
    else sections[sections.length - 1]?.lines.push(line);
  }
  return sections.map((section) => ({ heading: section.heading, text: section.lines.join('\n') }));
}

/** The option names a section documents: lines of the form `--name (type)`, in order. */
export function optionNames(sectionText: string): string[] {
  return stripOverstrike(sectionText)
    .split('\n')
    .map((line) => /^ {7}(--[a-z0-9-]+)(?: +\| +--[a-z0-9-]+)? +\(/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** The items of the bullet lists in a section (`o item`). */
export function bulletItems(sectionText: string): string[] {
  return stripOverstrike(sectionText)
    .split('\n')
    .map((line) => /^ +o (\S.*)$/.exec(line)?.[1])
    .filter((item): item is string => item !== undefined);
}
