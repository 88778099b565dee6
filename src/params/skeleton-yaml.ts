// --generate-cli-skeleton yaml-input: the input skeleton as ruamel's round-trip dumper writes it,
// with an end-of-line comment per member ([REQUIRED], the first sentence of its documentation,
// its enum values), in ruamel's spacing. Built from the model. Pure.
import { elementShape, members, requiredMembers, type Shape } from '../model/shapes.js';
import { skeletonValue } from './skeleton.js';
import { PyDict, type PyValue } from '../values/py-value.js';

/** The YAML input skeleton of `shape`. */
export function yamlSkeleton(shape: Shape): string {
  return renderMapping(shape, skeletonValue(shape) as PyDict, 0).join('');
}

function renderMapping(shape: Shape, value: PyDict, indent: number): string[] {
  const required = new Set(requiredMembers(shape));
  const lines: string[] = [];
  let previousHadComment = false;
  for (const [name, sub] of members(shape)) {
    const member = value.get(name) as PyValue;
    const comment = commentText(sub, required.has(name));
    // AWS CLI quirk (ruamel): two spaces before the first comment of a mapping, one after a commented sibling.
    const gap = previousHadComment ? ' ' : '  ';
    const pad = ' '.repeat(indent);
    if (member instanceof PyDict) {
      lines.push(`${pad}${name}:${comment ? `${gap}# ${comment}` : ''}\n`);
      lines.push(...renderMapping(sub, member, indent + 2));
    } else if (Array.isArray(member) && member.length > 0) {
      lines.push(`${pad}${name}:${comment ? `${gap}# ${comment}` : ''}\n`);
      lines.push(...renderSequence(elementShape(sub, 'member'), member, indent));
    } else {
      lines.push(`${pad}${name}: ${scalar(member)}${comment ? `${gap}# ${comment}` : ''}\n`);
    }
    previousHadComment = comment !== '';
  }
  return lines;
}

// ruamel: a block sequence at its key's indentation; an element mapping starts after the dash.
function renderSequence(shape: Shape | undefined, items: readonly PyValue[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  return items.flatMap((item) => {
    if (!(item instanceof PyDict) || !shape) return [`${pad}- ${scalar(item)}\n`];
    const [first, ...rest] = renderMapping(shape, item, indent + 2);
    return first === undefined ? [`${pad}- {}\n`] : [`${pad}- ${first.slice(indent + 2)}`, ...rest];
  });
}

function scalar(value: PyValue): string {
  if (Array.isArray(value) && value.length === 0) return '[]';
  if (value === '') return "''";
  if (typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value);
}

// awscli yamlskeleton: [REQUIRED], the doc overview, the enum; joined by single spaces.
function commentText(shape: Shape, required: boolean): string {
  const parts: string[] = [];
  if (required) parts.push('[REQUIRED]');
  const overview = docOverview(shape.memberDocumentation ?? shape.documentation ?? '');
  if (overview) parts.push(overview);
  if (shape.enum) parts.push(`Valid values are: ${shape.enum.join(', ')}.`);
  const text = parts.join(' ');
  return text.trim() === '' ? '' : text;
}

/** The text of the HTML documentation up to its first run of `.` or `:`, plus a `.`. */
export function docOverview(html: string): string {
  const text = decodeEntities(html.replace(/<[^>]*>/g, ''));
  const cut = text.split(/[.:]+/)[0] ?? '';
  return (cut === '' ? '' : `${cut}.`).replace(/[\n\u2028]/g, ' ');
}

function decodeEntities(text: string): string {
  const named: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity] ?? whole;
  });
}
