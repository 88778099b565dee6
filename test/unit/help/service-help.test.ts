import { describe, expect, it } from 'vitest';
import { stripOverstrike } from '../../../src/help/grotty.js';
import { IMPLEMENTED_NOTE, renderServiceHelp, renderTopHelp, serviceCommandNames } from '../../../src/help/service-help.js';
import { MODELS } from '../../helpers/models.js';
import { bulletItems, optionNames, pageSections, readHelpFixture } from './man-sections.js';

// fixtures/help/voice-id-help.groff-ascii.txt and aws-help.groff-ascii.txt: `/usr/bin/aws voice-id
// help` and `/usr/bin/aws help` with PAGER=cat (scripts/record-help.sh). The clone adds a one-line
// note to the DESCRIPTION of `aws help`, which lists only voice-id; everything else is the reference's.

const MODEL = MODELS['2.9.19'];

function section(page: string, heading: string): string {
  return pageSections(page).find((s) => s.heading === heading)?.text ?? '';
}

describe(renderServiceHelp.name, () => {
  const reference = readHelpFixture('voice-id-help.groff-ascii.txt');
  const page = renderServiceHelp(MODEL);

  it('has the sections of the reference', () => {
    expect(pageSections(page).map((s) => s.heading)).toEqual(pageSections(reference).map((s) => s.heading));
    expect(pageSections(page).map((s) => s.heading)).toEqual(['NAME', 'DESCRIPTION', 'AVAILABLE COMMANDS']);
  });

  it('lists the commands of the reference: the operations of the model and help', () => {
    expect(bulletItems(section(page, 'AVAILABLE COMMANDS'))).toEqual(bulletItems(section(reference, 'AVAILABLE COMMANDS')));
    expect(serviceCommandNames(MODEL)).toContain('start-speaker-enrollment-job');
  });

  it('is the reference byte for byte: every operation is served', () => {
    expect(page).toBe(reference);
  });
});

describe(renderTopHelp.name, () => {
  const reference = readHelpFixture('aws-help.groff-ascii.txt');
  const page = renderTopHelp('2.9.19');

  it('has the sections of the reference', () => {
    expect(pageSections(page).map((s) => s.heading)).toEqual(pageSections(reference).map((s) => s.heading));
    expect(pageSections(page).map((s) => s.heading)).toEqual(['NAME', 'DESCRIPTION', 'SYNOPSIS', 'GLOBAL OPTIONS', 'AVAILABLE SERVICES', 'SEE ALSO']);
  });

  it('documents the global options of the reference, byte for byte', () => {
    expect(optionNames(section(page, 'GLOBAL OPTIONS'))).toEqual(optionNames(section(reference, 'GLOBAL OPTIONS')));
    expect(optionNames(section(page, 'GLOBAL OPTIONS'))).toHaveLength(18);
    expect(section(page, 'GLOBAL OPTIONS')).toBe(section(reference, 'GLOBAL OPTIONS'));
  });

  it.each(['NAME', 'SYNOPSIS', 'SEE ALSO'])('renders %s as the reference does', (heading) => {
    expect(section(page, heading)).toBe(section(reference, heading));
  });

  it('keeps the reference description and adds the note', () => {
    expect(section(page, 'DESCRIPTION')).toBe(`${section(reference, 'DESCRIPTION')}\n       ${IMPLEMENTED_NOTE}\n`);
  });

  it('lists voice-id, a service of the reference, as the only service', () => {
    expect(bulletItems(section(page, 'AVAILABLE SERVICES'))).toEqual(['voice-id']);
    expect(bulletItems(section(reference, 'AVAILABLE SERVICES'))).toContain('voice-id');
  });

  it('writes the usage in italics, as the reference does', () => {
    expect(stripOverstrike(page)).toContain('Use aws command help for information');
    expect(page).toContain('_\ba_\bw_\bs _\bc_\bo_\bm_\bm_\ba_\bn_\bd _\bh_\be_\bl_\bp');
  });
});

describe('help pages of AWS CLI 2.36.7', () => {
  const model = MODELS['2.36.7'];

  it('renders `aws voice-id help` with the final model: the reference byte for byte', () => {
    const page = renderServiceHelp(model);
    expect(page).toBe(readHelpFixture('voice-id-help-2.36.7.groff-ascii.txt'));
    expect(serviceCommandNames(model)).toContain('create-watchlist');
  });

  it('renders the global options of `aws help` as 2.36.7 does, byte for byte', () => {
    const reference236 = readHelpFixture('aws-help-2.36.7.groff-ascii.txt');
    const page = renderTopHelp('2.36.7');
    for (const heading of ['NAME', 'SYNOPSIS', 'GLOBAL OPTIONS', 'SEE ALSO']) expect(section(page, heading)).toBe(section(reference236, heading));
    expect(optionNames(section(page, 'GLOBAL OPTIONS'))).toHaveLength(19);
  });
});
