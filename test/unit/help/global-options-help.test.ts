import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from '../../../src/cli/global-options.js';
import { globalOptionsHelp, globalSynopsisLines, writeGlobalOptions } from '../../../src/help/global-options-help.js';
import helpData from '../../../src/help/help-data.json' with { type: 'json' };
import { RstWriter } from '../../../src/help/rst-writer.js';

describe(globalOptionsHelp.name, () => {
  it('has help for every global option, in the order and with the choices of cli.json', () => {
    expect(helpData.globalOptions.map((option) => `--${option.name}`)).toEqual(GLOBAL_OPTIONS.map((option) => option.flag));
    for (const [index, option] of globalOptionsHelp().entries()) {
      const data = helpData.globalOptions[index];
      expect(option.choices).toEqual(data && 'choices' in data ? data.choices : []);
    }
  });
});

describe(globalSynopsisLines.name, () => {
  it('is awscli/examples/global_synopsis.rst: booleans without a value, --version with one', () => {
    expect(globalSynopsisLines()).toEqual([
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
    writeGlobalOptions(doc);
    const text = doc.value();
    expect(text.startsWith('``--debug`` (boolean)\n\nTurn on debug logging.\n\n``--endpoint-url`` (string)\n')).toBe(true);
    expect(text).toContain('``--output`` (string)\n\nThe formatting style for command output.\n\n\n*   json\n\n*   text\n');
    expect(text).toContain('For each SSL connection');
    expect(text).not.toContain('services.  For');
  });
});
