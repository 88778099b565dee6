import { describe, expect, it } from 'vitest';
import { stripOverstrike } from '../../../src/help/grotty.js';
import { operationManualPage, renderOperationHelp } from '../../../src/help/operation-help.js';
import { bulletItems, optionNames, pageSections, readHelpFixture } from './man-sections.js';
import { MODELS, startJob } from '../../helpers/models.js';

// fixtures/help/*.groff-ascii.txt are what `/usr/bin/aws voice-id <operation> help` (AWS CLI
// 2.9.19) writes with PAGER=cat: groff -m man -T ascii output, overstrike included
// (scripts/record-help.sh; the start-speaker-enrollment-job pair is the spec's capture).

// fixtures/help/*-2.36.7.groff-ascii.txt: the same from AWS CLI 2.36.7 (scripts/record-help.sh 2.36.7).

const reference = readHelpFixture('help-start-speaker-enrollment-job.groff-ascii.txt');
const page = renderOperationHelp(startJob(), '2.9.19');

describe(renderOperationHelp.name, () => {
  it('renders start-speaker-enrollment-job byte for byte as the reference does', () => {
    expect(page).toBe(reference);
  });

  it('renders the plain text of the reference once the overstrike is stripped', () => {
    expect(stripOverstrike(page)).toBe(readHelpFixture('help-start-speaker-enrollment-job.plain.txt'));
  });

  it('has the sections of the reference, in order', () => {
    const headings = pageSections(page).map((section) => section.heading);
    expect(headings).toEqual(['NAME', 'DESCRIPTION', 'SYNOPSIS', 'OPTIONS', 'GLOBAL OPTIONS', 'OUTPUT']);
    expect(headings).toEqual(pageSections(reference).map((section) => section.heading));
  });

  it.each(pageSections(reference).map((section) => [section.heading, section.text]))('renders the %s section as the reference does', (heading, text) => {
    expect(pageSections(page).find((section) => section.heading === heading)?.text).toBe(text);
  });

  it('documents the options of the reference, in its order', () => {
    const options = (text: string): string[] => optionNames(pageSections(text).find((s) => s.heading === 'OPTIONS')?.text ?? '');
    expect(options(page)).toEqual([
      '--client-token',
      '--data-access-role-arn',
      '--domain-id',
      '--enrollment-config',
      '--input-data-config',
      '--job-name',
      '--output-data-config',
      '--cli-input-json',
      '--generate-cli-skeleton',
    ]);
    expect(options(page)).toEqual(options(reference));
  });

  it('lists the global options and their choices as the reference does', () => {
    const global = (text: string): string => pageSections(text).find((s) => s.heading === 'GLOBAL OPTIONS')?.text ?? '';
    expect(optionNames(global(page))).toEqual(optionNames(global(reference)));
    expect(bulletItems(global(page))).toEqual(['json', 'text', 'table', 'yaml', 'yaml-stream', 'on', 'off', 'auto', 'base64', 'raw-in-base64-out']);
  });

  it('builds shorthand and JSON syntax blocks from the shapes', () => {
    const plain = stripOverstrike(page);
    expect(plain).toContain('          KmsKeyId=string,S3Uri=string\n');
    expect(plain).toContain('            "ExistingEnrollmentAction": "SKIP"|"OVERWRITE",\n');
  });

  it.each([
    ['DescribeSpeakerEnrollmentJob', 'help-describe-speaker-enrollment-job.groff-ascii.txt'],
    ['CreateDomain', 'help-create-domain.groff-ascii.txt'],
    ['DescribeDomain', 'help-describe-domain.groff-ascii.txt'],
  ])('renders %s, another operation of the model, byte for byte', (operation, fixture) => {
    expect(renderOperationHelp(MODELS['2.9.19'].operation(operation), '2.9.19')).toBe(readHelpFixture(fixture));
  });

  it.each([
    ['StartSpeakerEnrollmentJob', 'help-start-speaker-enrollment-job-2.36.7.groff-ascii.txt'],
    ['DescribeSpeakerEnrollmentJob', 'help-describe-speaker-enrollment-job-2.36.7.groff-ascii.txt'],
    ['CreateDomain', 'help-create-domain-2.36.7.groff-ascii.txt'],
    ['DescribeDomain', 'help-describe-domain-2.36.7.groff-ascii.txt'],
    ['CreateWatchlist', 'help-create-watchlist-2.36.7.groff-ascii.txt'],
  ])('renders %s with the final model as AWS CLI 2.36.7 does, byte for byte', (operation, fixture) => {
    expect(renderOperationHelp(MODELS['2.36.7'].operation(operation), '2.36.7')).toBe(readHelpFixture(fixture));
  });

  it('marks required options and members and lists enums and constraints in 2.36.7 only', () => {
    const plain = stripOverstrike(renderOperationHelp(startJob('2.36.7'), '2.36.7'));
    expect(plain).toContain('       --domain-id (string) [required]\n');
    expect(plain).toContain('          S3Uri -> (string) [required]\n');
    expect(plain).toContain('          Constraints:\n\n          o min: 22\n\n          o max: 22\n\n          o pattern: ^[a-zA-Z0-9]{22}$\n');
    expect(plain).toContain('              Possible values:\n\n              o SKIP\n');
    expect(stripOverstrike(page)).not.toMatch(/\[required\]|Constraints:/);
  });

  it('documents --cli-error-format and --output off among the global options of 2.36.7', () => {
    const global = (text: string): string => pageSections(text).find((s) => s.heading === 'GLOBAL OPTIONS')?.text ?? '';
    const page236 = renderOperationHelp(startJob('2.36.7'), '2.36.7');
    expect(optionNames(global(page236)).slice(-2)).toEqual(['--no-cli-auto-prompt', '--cli-error-format']);
    expect(bulletItems(global(page236))).toEqual(expect.arrayContaining(['off', 'legacy', 'enhanced']));
    expect(stripOverstrike(page236)).toContain('          [--cli-error-format <value>]\n');
  });
});

describe(operationManualPage.name, () => {
  it('names the page after the CLI name of the operation', () => {
    expect(operationManualPage(startJob(), '2.9.19').name).toBe('start-speaker-enrollment-job');
    expect(operationManualPage(startJob(), '2.9.19').sections.map((section) => section.title)).toEqual([
      'Description',
      'Synopsis',
      'Options',
      'Global Options',
      'Output',
    ]);
  });
});
