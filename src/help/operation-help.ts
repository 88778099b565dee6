// `aws voice-id <operation> help`: the operation's manual page built from the service model the
// way awscli/clidocs.py OperationDocumentEventHandler writes it (DESCRIPTION, SYNOPSIS, OPTIONS,
// GLOBAL OPTIONS, OUTPUT), then formatted like groff. Arguments that come from the model, the
// three the CLI adds to every operation and a paginated operation's paging options; no EXAMPLES. No I/O.
import { type Generation, documentsConstraints } from '../model/generation.js';
import { optionName } from '../model/names.js';
import type { Operation } from '../model/service-model.js';
import { type Shape, elementShape, isScalarType, members } from '../model/shapes.js';
import type { DocSection, ManualPage } from './doc-tree.js';
import { globalSynopsisLines, writeGlobalOptions } from './global-options-help.js';
import helpData from './help-data.json' with { type: 'json' };
import { includeDocString } from './html-doc.js';
import { renderManPage } from './man-page.js';
import { parseRst } from './rst-parse.js';
import { RstWriter } from './rst-writer.js';
import { pagingArguments, writePagingDescription } from './paging-help.js';
import { hiddenPagingOptions } from '../cli/paging-options.js';
import { jsonValueName, shorthandExample, supportsShorthand, writeJsonExample } from './shape-syntax.js';

/** One entry of the CLI's argument table for an operation. */
interface CliArgument {
  readonly cliName: string;
  readonly typeName: string;
  readonly required: boolean;
  readonly documentation: string;
  /** Arguments of one group are documented together: `--cli-input-json | --cli-input-yaml`. */
  readonly group?: string;
  readonly shape?: Shape;
}

/** How the generation's clidocs.py writes a page: what it tells of each shape. */
interface PageStyle {
  readonly generation: Generation;
  /** `[required]`, member enums and min/max/pattern (documentsConstraints). */
  readonly constraints: boolean;
}

/**
 * The manual page of an operation, as `aws voice-id <operation> help` prints it with PAGER=cat:
 * groff -T ascii output with overstrike bold (`X\bX`) and underline (`_\bX`).
 */
export function renderOperationHelp(operation: Operation, generation: Generation): string {
  return renderManPage(operationManualPage(operation, generation));
}

/** The document tree of an operation's manual page, as AWS CLI `generation` writes it. */
export function operationManualPage(operation: Operation, generation: Generation): ManualPage {
  const name = operation.cliName;
  const args = argumentTable(operation);
  const style: PageStyle = { generation, constraints: documentsConstraints(generation) };
  return {
    name,
    sections: [
      section('Description', (doc) => writeDescription(doc, operation)),
      section('Synopsis', (doc) => writeSynopsis(doc, name, args, generation)),
      section('Options', (doc) => writeOptions(doc, args, style)),
      section('Global Options', (doc) => writeGlobalOptions(doc, generation)),
      section('Output', (doc) => writeOutput(doc, operation, style)),
    ],
  };
}

/** A section from bcdoc-style writes, parsed as docutils would parse them. */
export function section(title: string, write: (doc: RstWriter) => void): DocSection {
  const doc = new RstWriter();
  write(doc);
  return { title, children: parseRst(doc.value()) };
}

// clidriver's argument table: the input members in model order (a boolean as `--x | --no-x`),
// then --cli-input-json, --cli-input-yaml, the paging options and --generate-cli-skeleton. The
// service's own paging members are _UNDOCUMENTED.
function argumentTable(operation: Operation): CliArgument[] {
  const { input } = operation;
  const required = new Set(input.required ?? []);
  const hidden = hiddenPagingOptions(operation);
  const args: CliArgument[] = [];
  for (const [memberName, shape] of members(input)) {
    const cliName = optionName(memberName);
    if (hidden.includes(cliName)) continue;
    const base = { typeName: shape.type, required: required.has(memberName), documentation: docOf(shape), shape };
    if (shape.type === 'boolean') {
      args.push({ ...base, cliName, group: cliName }, { ...base, cliName: `--no-${cliName.slice(2)}`, group: cliName });
    } else args.push({ ...base, cliName });
  }
  const added = helpData.operationArguments;
  args.push(
    { cliName: '--cli-input-json', typeName: 'string', required: false, documentation: added['cli-input-json'], group: 'cli_input' },
    { cliName: '--cli-input-yaml', typeName: 'string', required: false, documentation: added['cli-input-yaml'], group: 'cli_input' },
    ...pagingArguments(operation).map((arg) => ({ ...arg, required: false })),
    { cliName: '--generate-cli-skeleton', typeName: 'string', required: false, documentation: added['generate-cli-skeleton'] },
  );
  return args;
}

// botocore: a member's documentation replaces its shape's.
function docOf(shape: Shape): string {
  return shape.memberDocumentation ?? shape.documentation ?? '';
}

function writeDescription(doc: RstWriter, operation: Operation): void {
  includeDocString(doc, operation.documentation);
  // awscli: no cross link when the model has no uid.
  if (operation.model.metadata.uid === undefined) return;
  doc.newParagraph();
  doc.write('See also: ');
  // bcdoc: in man pages an external link is only its title, here for the link to
  // https://docs.aws.amazon.com/goto/WebAPI/<uid>/<operation>.
  doc.write('AWS API Documentation');
  doc.writeln('');
  writePagingDescription(doc, operation);
}

/** Groups in table order, each once: the arguments documented by one entry. */
function documentedEntries(args: readonly CliArgument[]): CliArgument[][] {
  const entries: CliArgument[][] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    if (arg.group === undefined) entries.push([arg]);
    else if (!seen.has(arg.group)) {
      seen.add(arg.group);
      entries.push(args.filter((other) => other.group === arg.group));
    }
  }
  return entries;
}

function writeSynopsis(doc: RstWriter, name: string, args: readonly CliArgument[], generation: Generation): void {
  doc.startCodeblock();
  doc.writeln(name);
  for (const entry of documentedEntries(args)) {
    const first = entry[0];
    if (first === undefined) continue;
    const text = first.group === undefined ? `${first.cliName} <value>` : entry.map((arg) => arg.cliName).join(' | ');
    doc.writeln(first.required ? text : `[${text}]`);
  }
  for (const line of globalSynopsisLines(generation)) doc.writeln(line);
  doc.endCodeblock();
}

function writeOptions(doc: RstWriter, args: readonly CliArgument[], style: PageStyle): void {
  if (args.length === 0) doc.write('*None*\n');
  for (const entry of documentedEntries(args)) {
    const first = entry[0];
    if (first === undefined) continue;
    const names = entry.map((arg) => `\`\`${arg.cliName}\`\``).join(' | ');
    doc.write(`${names} (${first.typeName})${requiredMark(first.required, style)}\n`);
    doc.indent();
    includeDocString(doc, first.documentation);
    if (first.shape) {
      writeEnums(doc, first.shape);
      if (style.constraints) writeConstraints(doc, first.shape);
      writeElements(doc, first.shape, [first.shape.name], style);
    }
    doc.dedent();
    doc.newParagraph();
    if (first.group === undefined && first.shape) writeOptionSyntax(doc, first.shape, style);
  }
}

function requiredMark(required: boolean, style: PageStyle): string {
  return required && style.constraints ? ' [required]' : '';
}

// clidocs _document_constraints: the shape's min, max and pattern, those it has.
function writeConstraints(doc: RstWriter, shape: Shape): void {
  const constraints = (['min', 'max', 'pattern'] as const).filter((name) => shape[name] !== undefined);
  if (constraints.length === 0) return;
  doc.newParagraph();
  doc.write('Constraints:');
  doc.startUl();
  for (const name of constraints) doc.li(`${name}: \`\`${shape[name]}\`\``);
  doc.endUl();
}

function writeEnums(doc: RstWriter, shape: Shape): void {
  if (shape.type !== 'string' || !shape.enum) return;
  doc.newParagraph();
  doc.write('Possible values:');
  doc.startUl();
  for (const value of shape.enum) doc.li(`\`\`${value}\`\``);
  doc.endUl();
}

// clidocs _doc_member: `Name -> (type)`, then its documentation and members one level deeper.
function writeMember(doc: RstWriter, name: string, shape: Shape, stack: string[], style: PageStyle, required = false): void {
  if (stack.filter((entry) => entry === shape.name).length > 1) {
    if (shape.type === 'structure') doc.write('( ... recursive ... )');
    return;
  }
  stack.push(shape.name);
  doc.write(`${name ? `${name} -> (${shape.type})` : `(${shape.type})`}${requiredMark(required, style)}`);
  doc.indent();
  doc.newParagraph();
  includeDocString(doc, docOf(shape));
  if (style.constraints) {
    writeEnums(doc, shape);
    writeConstraints(doc, shape);
  }
  doc.newParagraph();
  writeElements(doc, shape, stack, style);
  doc.dedent();
  doc.newParagraph();
  stack.pop();
}

// A structure's members, a map's key and value, a list's element, each as a member.
function writeElements(doc: RstWriter, shape: Shape, stack: string[], style: PageStyle): void {
  const required = new Set(shape.required ?? []);
  if (shape.type === 'structure') for (const [name, member] of members(shape)) writeMember(doc, name, member, stack, style, required.has(name));
  const [key, value] = shape.type === 'map' ? [elementShape(shape, 'key'), elementShape(shape, 'value')] : [];
  if (key && value) {
    writeMember(doc, 'key', key, stack, style);
    writeMember(doc, 'value', value, stack, style);
  }
  const item = shape.type === 'list' ? elementShape(shape, 'member') : undefined;
  if (item) writeMember(doc, '', item, stack, style);
}

// clidocs doc_option_example: shorthand for complex shapes, then JSON syntax (or, for a list of
// scalars, the space-separated syntax).
function writeOptionSyntax(doc: RstWriter, shape: Shape, style: PageStyle): void {
  if (supportsShorthand(shape)) {
    const example = shorthandExample(shape);
    if (example === undefined) return;
    if (example) {
      doc.newParagraph();
      doc.write('Shorthand Syntax');
      doc.startCodeblock();
      for (const line of example.split(/\r?\n/)) doc.writeln(line);
      doc.endCodeblock();
    }
  }
  const member = shape.type === 'list' ? elementShape(shape, 'member') : undefined;
  if (member && isScalarType(member.type)) {
    doc.newParagraph();
    doc.write('Syntax');
    doc.startCodeblock();
    const example = jsonValueName(member, false);
    doc.write(`${example} ${example} ...`);
    if (member.enum && !style.constraints) {
      doc.newParagraph();
      doc.write('Where valid values are:\n');
      for (const value of member.enum) doc.write(`    ${value}\n`);
      doc.write('\n');
    }
    doc.endCodeblock();
    doc.newParagraph();
  } else if (!isScalarType(shape.type)) {
    doc.newParagraph();
    doc.write('JSON Syntax');
    doc.startCodeblock();
    writeJsonExample(doc, shape);
    doc.endCodeblock();
    doc.newParagraph();
  }
}

function writeOutput(doc: RstWriter, operation: Operation, style: PageStyle): void {
  const outputMembers = operation.output ? members(operation.output) : [];
  if (outputMembers.length === 0) doc.write('None');
  for (const [name, shape] of outputMembers) writeMember(doc, name, shape, [], style);
}
