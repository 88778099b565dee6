import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS, globalOptions } from '../../../src/cli/global-options.js';
import { globalOptionsHelp, globalSynopsisLines, writeGlobalOptions } from '../../../src/help/global-options-help.js';
import helpData from '../../../src/help/help-data.json' with { type: 'json' };
import { RstWriter } from '../../../src/help/rst-writer.js';

describe(globalOptionsHelp.name, () => {
  it('has help for every global option, in the order and with the choices of cli.json', () => {
    expect(helpData.globalOptions.map((option) => `--${option.name}`)).toEqual(GLOBAL_OPTIONS.map((option) => option.flag));
    for (const [index, option] of globalOptionsHelp('2.9.19').entries()) {
      const data = helpData.globalOptions[index];
      expect(option.choices).toEqual(data && 'choices' in data ? data.choices : []);
    }
  });
});

describe(globalSynopsisLines.name, () => {
  it('is awscli/examples/global_synopsis.rst: booleans without a value, --version with one', () => {
    expect(globalSynopsisLines('2.9.19')).toEqual([
      '[--debug]',
      '[--endpoint-url <value>]',
      '[--no-verify-ssl]',
      '[--no-paginate]',
      '[--output <value>]',
      '[--query <value>]',
      '[--profile <value>]',
      '[--region <value>]',
      '[--version <value>]',
      '[--color <value>]',
      '[--no-sign-request]',
      '[--ca-bundle <value>]',
      '[--cli-read-timeout <value>]',
      '[--cli-connect-timeout <value>]',
      '[--cli-binary-format <value>]',
      '[--no-cli-pager]',
      '[--cli-auto-prompt]',
      '[--no-cli-auto-prompt]',
    ]);
  });
});

describe(writeGlobalOptions.name, () => {
  it('writes awscli/examples/global_options.rst with its lines stripped', () => {
    const doc = new RstWriter();
    writeGlobalOptions(doc, '2.9.19');
    const text = doc.value();
    expect(text.startsWith('``--debug`` (boolean)\n\nTurn on debug logging.\n\n``--endpoint-url`` (string)\n')).toBe(true);
    expect(text).toContain('``--output`` (string)\n\nThe formatting style for command output.\n\n\n*   json\n\n*   text\n');
    expect(text).toContain('For each SSL connection');
    expect(text).not.toContain('services.  For');
  });
});

describe('the global options of AWS CLI 2.36.7', () => {
  it('has help for every global option, in the order and with the choices of its cli.json', () => {
    const data = helpData['globalOptions-2.36.7'];
    expect(data.map((option) => `--${option.name}`)).toEqual(globalOptions('2.36.7').map((option) => option.flag));
    for (const [index, option] of globalOptionsHelp('2.36.7').entries()) {
      const entry = data[index];
      expect(option.choices).toEqual(entry && 'choices' in entry ? entry.choices : []);
    }
    expect(globalSynopsisLines('2.36.7').at(-1)).toBe('[--cli-error-format <value>]');
  });
});
