// The help pipeline in one call, as AWS CLI runs it on POSIX: document tree -> man source
// (docutils) -> `groff -m man -T ascii`. The result holds overstrike bold and underline, the bytes
// the reference pipes to its pager. No I/O.
import type { ManualPage } from './doc-tree.js';
import { renderOverstrike } from './grotty.js';
import { type Hyphenator, createHyphenator } from './hyphenate.js';
import { writeMan } from './man-writer.js';
import { formatMan } from './nroff.js';

/** The formatted manual page for `page`, as groff -T ascii writes it. */
export function renderManPage(page: ManualPage, hyphenator: Hyphenator = createHyphenator()): string {
  return renderOverstrike(formatMan(writeMan(page), { hyphenator }));
}
