// `aws voice-id help` and `aws help`: the service page (DESCRIPTION, AVAILABLE COMMANDS) and the
// top-level page (DESCRIPTION, SYNOPSIS, GLOBAL OPTIONS, AVAILABLE SERVICES, SEE ALSO), written
// as awscli/clidocs.py ServiceDocumentEventHandler and ProviderDocumentEventHandler write them.
// Deliberate difference: each DESCRIPTION ends with a note that names the commands implemented,
// and `aws help` lists only voice-id. No I/O.
import { servedOperations } from '../cli/served-operations.js';
import type { Generation } from '../model/generation.js';
import type { ServiceModel } from '../model/service-model.js';
import type { ManualPage } from './doc-tree.js';
import { writeGlobalOptions } from './global-options-help.js';
import helpData from './help-data.json' with { type: 'json' };
import { includeDocString } from './html-doc.js';
import { renderManPage } from './man-page.js';
import { section } from './operation-help.js';
import type { RstWriter } from './rst-writer.js';

/** The CLI name of the one service this clone knows. */
export const SERVICE_CLI_NAME = helpData.service.cliName;

/** The related item of `aws help` (HelpCommand.related_items). */
const TOP_RELATED_ITEMS = ['aws help topics'];

/**
 * The note added to both pages. It fits on one line on purpose (with more commands it counts them): groff alternates
 * the side that gets the extra spaces of every line it breaks, so a longer note would change every
 * adjusted line after it; this way the rest of each page stays byte for byte the reference's.
 */
export function implementedNote(model: ServiceModel): string {
  const commands = servedOperations(model).map((operation) => `${SERVICE_CLI_NAME} ${operation.cliName}`);
  if (commands.length === 1) return `Only ${commands[0]} is implemented here.`;
  return `Only ${commands.length} of the ${model.operationNames.length} ${SERVICE_CLI_NAME} commands are implemented here.`;
}

/** The commands of `aws voice-id`: the model's operations and `help`, sorted. */
export function serviceCommandNames(model: ServiceModel): string[] {
  return [...model.operationNames.map((name) => model.operation(name).cliName), 'help'].sort();
}

/** `aws voice-id help` with PAGER=cat: groff -T ascii output with overstrike. */
export function renderServiceHelp(model: ServiceModel): string {
  return renderManPage(serviceManualPage(model));
}

/** `aws help` with PAGER=cat: groff -T ascii output with overstrike. */
export function renderTopHelp(model: ServiceModel, generation: Generation): string {
  return renderManPage(topManualPage(model, generation));
}

export function serviceManualPage(model: ServiceModel): ManualPage {
  return {
    name: SERVICE_CLI_NAME,
    sections: [
      section('Description', (doc) => {
        includeDocString(doc, model.documentation);
        writeNote(doc, model);
      }),
      section('Available Commands', (doc) => writeList(doc, serviceCommandNames(model))),
    ],
  };
}

export function topManualPage(model: ServiceModel, generation: Generation): ManualPage {
  return {
    name: 'aws',
    sections: [
      section('Description', (doc) => {
        includeDocString(doc, helpData.cli.description);
        doc.newParagraph();
        writeNote(doc, model);
      }),
      section('Synopsis', (doc) => {
        doc.codeblock(helpData.cli.synopsis);
        includeDocString(doc, helpData.cli.helpUsage);
        doc.newParagraph();
      }),
      section('Global Options', (doc) => writeGlobalOptions(doc, generation)),
      section('Available Services', (doc) => writeList(doc, [SERVICE_CLI_NAME])),
      section('See Also', (doc) => {
        for (const item of [...TOP_RELATED_ITEMS].sort()) doc.write(`* ${item}\n`);
      }),
    ],
  };
}

function writeNote(doc: RstWriter, model: ServiceModel): void {
  doc.newParagraph();
  doc.write(implementedNote(model));
  doc.newParagraph();
}

// ReSTStyle.toctree and tocitem for man pages: a bullet list.
function writeList(doc: RstWriter, items: readonly string[]): void {
  doc.startUl();
  for (const item of items) doc.li(item);
}
