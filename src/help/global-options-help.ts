// The global options in help pages: the synopsis lines and the GLOBAL OPTIONS section, as AWS CLI
// pre-generates them (clidocs.py GlobalOptionsDocumenter, examples/global_options.rst and
// global_synopsis.rst) for the generation's release. Flags, order and choices come from
// src/cli/global-options.ts; type names and help texts from help-data.json (generated from each
// release's awscli/data/cli.json). No I/O.
import { globalOptions } from '../cli/global-options.js';
import type { Generation } from '../model/generation.js';
import helpData from './help-data.json' with { type: 'json' };
import { includeDocString } from './html-doc.js';
import { RstWriter } from './rst-writer.js';

export interface GlobalOptionHelp {
  readonly flag: string;
  /** The type name help shows: `boolean`, `string` or `int`. */
  readonly type: string;
  readonly help: string;
  readonly choices: readonly string[];
}

const HELP_TEXTS: Readonly<Record<Generation, readonly { name: string; type: string; help: string }[]>> = {
  '2.9.19': helpData.globalOptions,
  '2.36.7': helpData['globalOptions-2.36.7'],
};

/** The global options of `generation` in its cli.json order, with their help. */
export function globalOptionsHelp(generation: Generation): GlobalOptionHelp[] {
  return globalOptions(generation).map((option) => {
    const data = HELP_TEXTS[generation].find((entry) => `--${entry.name}` === option.flag);
    if (!data) throw new Error(`no help for ${option.flag} in help-data.json`);
    return { flag: option.flag, type: data.type, help: data.help, choices: option.choices ?? [] };
  });
}

/** `[--debug]`, `[--endpoint-url <value>]`, ...: booleans take no value. */
export function globalSynopsisLines(generation: Generation): string[] {
  return globalOptionsHelp(generation).map((option) => (option.type === 'boolean' ? `[${option.flag}]` : `[${option.flag} <value>]`));
}

/** Writes the GLOBAL OPTIONS text into `doc`, as `write_from_file(global_options.rst)` does. */
export function writeGlobalOptions(doc: RstWriter, generation: Generation): void {
  for (const line of globalOptionsRst(generation).split('\n')) doc.writeln(line.trim());
}

// GlobalOptionsDocumenter.doc_global_options, then _remove_multilines; the file's lines are
// stripped when read back, so its indentation is lost.
function globalOptionsRst(generation: Generation): string {
  const doc = new RstWriter();
  for (const option of globalOptionsHelp(generation)) {
    doc.writeln(`\`\`${option.flag}\`\` (${option.type})`);
    doc.indent();
    doc.newParagraph();
    includeDocString(doc, option.help);
    if (option.choices.length > 0) {
      doc.startUl();
      for (const choice of option.choices) doc.li(choice);
      doc.endUl();
    }
    doc.dedent();
    doc.newParagraph();
  }
  return doc.value().replace(/\n+/g, '\n').replace(/\n$/, '');
}
