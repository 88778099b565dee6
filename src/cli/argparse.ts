// A port of the parts of Python 3.11 argparse that AWS CLI v2 relies on, with awscli's
// CLIArgParser overrides (its invalid-choice text, worded per generation). parse_known_args semantics: options are
// found anywhere, unique prefixes are accepted, unknown options and stray values are returned
// as extras in argparse's order. Pure: it returns values or throws ArgparseError.
import { getCloseMatches } from './difflib.js';
import { pyRepr } from '../values/py-repr.js';
import { DEFAULT_GENERATION, type Generation } from '../model/generation.js';

/** 0 = a flag (store_true/store_false/version), 1 = one value, '?' = an optional value, '*' = a list of values. */
export type Nargs = 0 | 1 | '?' | '*';

/** A parsed value: a string (one value, a positional), true (a flag), or the strings of a nargs '*' option. */
export type ArgValue = string | true | readonly string[];

export interface OptionSpec {
  readonly dest: string;
  readonly flag: string;
  readonly nargs: Nargs;
  readonly choices?: readonly string[];
  /** The value of a nargs '?' option given without one. */
  readonly const?: string;
  readonly required?: boolean;
  /** argparse's version action: stops parsing when it is reached. */
  readonly version?: boolean;
  /** argparse's `type`: converts the value (before the choices check); `name` words its error. */
  readonly type?: { readonly name: string; readonly convert: (value: string) => string | undefined };
}

export interface PositionalSpec {
  readonly dest: string;
  readonly nargs: 1 | '?';
  /** The choices shown in the error; `aliases` are accepted too without being shown. */
  readonly choices?: readonly string[];
  readonly aliases?: readonly string[];
}

export interface ParserSpec {
  readonly options: readonly OptionSpec[];
  readonly positionals: readonly PositionalSpec[];
}

export interface ParseResult {
  /** dest → value: a string for value options and positionals, true for flags, a list for nargs '*'. */
  readonly values: ReadonlyMap<string, ArgValue>;
  readonly extras: readonly string[];
  /** The version action was reached (parsing stopped there). */
  readonly version: boolean;
}

/** An argparse error: `message` is what follows `aws: error: `. */
export class ArgparseError extends Error {}

class VersionReached extends Error {}

type OptionTuple = { spec: OptionSpec | undefined; flag: string; explicit: string | undefined };

const NEGATIVE_NUMBER = /^-\d+$|^-\d*\.\d+$/;

/** Python argparse.parse_known_args over `args` for the parser described by `spec`, with awscli's wording of `generation`. */
export function parseKnownArgs(spec: ParserSpec, args: readonly string[], generation: Generation = DEFAULT_GENERATION): ParseResult {
  const values = new Map<string, ArgValue>();
  const extras: string[] = [];
  try {
    new KnownArgsParser(spec, args, values, extras, generation).parse();
  } catch (error) {
    if (error instanceof VersionReached) return { values, extras, version: true };
    throw error;
  }
  return { values, extras, version: false };
}

class KnownArgsParser {
  private readonly optionIndices = new Map<number, OptionTuple>();
  private readonly pattern: string;
  private positionals: PositionalSpec[];
  private readonly seen = new Set<string>();

  constructor(
    private readonly spec: ParserSpec,
    private readonly args: readonly string[],
    private readonly values: Map<string, ArgValue>,
    private readonly extras: string[],
    private readonly generation: Generation,
  ) {
    this.positionals = [...spec.positionals];
    const parts: string[] = [];
    let afterDashDash = false;
    args.forEach((arg, i) => {
      if (afterDashDash) parts.push('A');
      else if (arg === '--') {
        // argparse: every argument after -- is a positional.
        parts.push('-');
        afterDashDash = true;
      } else {
        const tuple = this.parseOptional(arg);
        if (tuple) this.optionIndices.set(i, tuple);
        parts.push(tuple ? 'O' : 'A');
      }
    });
    this.pattern = parts.join('');
  }

  parse(): void {
    let start = 0;
    const maxOption = Math.max(-1, ...this.optionIndices.keys());
    while (start <= maxOption) {
      const nextOption = Math.min(...[...this.optionIndices.keys()].filter((i) => i >= start));
      if (start !== nextOption) {
        const end = this.consumePositionals(start);
        if (end > start) {
          start = end;
          continue;
        }
        start = end;
      }
      if (!this.optionIndices.has(start)) {
        this.extras.push(...this.args.slice(start, nextOption));
        start = nextOption;
      }
      start = this.consumeOptional(start);
    }
    const stop = this.consumePositionals(start);
    this.extras.push(...this.args.slice(stop));
    const missing = this.spec.options.filter((o) => o.required && !this.seen.has(o.dest)).map((o) => o.flag);
    const missingPositionals = this.positionals.filter((p) => p.nargs === 1).map((p) => p.dest);
    const allMissing = [...missing, ...missingPositionals];
    if (allMissing.length > 0) {
      throw new ArgparseError(`the following arguments are required: ${allMissing.join(', ')}`);
    }
  }

  // _parse_optional: is this argument an option (known, abbreviated or unknown) or a positional?
  private parseOptional(arg: string): OptionTuple | undefined {
    if (arg[0] !== '-') return undefined;
    const exact = this.spec.options.find((o) => o.flag === arg);
    if (exact) return { spec: exact, flag: arg, explicit: undefined };
    if (arg.length === 1) return undefined;
    const eq = arg.indexOf('=');
    if (eq >= 0) {
      const flag = arg.slice(0, eq);
      const known = this.spec.options.find((o) => o.flag === flag);
      if (known) return { spec: known, flag, explicit: arg.slice(eq + 1) };
    }
    const tuples = this.optionTuples(arg);
    if (tuples.length > 1) {
      const matches = tuples.map((t) => t.flag).join(', ');
      throw new ArgparseError(`ambiguous option: ${arg} could match ${matches}`);
    }
    if (tuples.length === 1) return tuples[0];
    if (NEGATIVE_NUMBER.test(arg)) return undefined;
    if (arg.includes(' ')) return undefined;
    return { spec: undefined, flag: arg, explicit: undefined };
  }

  // _get_option_tuples: the options that `arg` is a prefix of (argparse's allow_abbrev).
  private optionTuples(arg: string): OptionTuple[] {
    if (arg[1] === '-') {
      const eq = arg.indexOf('=');
      const prefix = eq >= 0 ? arg.slice(0, eq) : arg;
      const explicit = eq >= 0 ? arg.slice(eq + 1) : undefined;
      return this.spec.options.filter((o) => o.flag.startsWith(prefix)).map((o) => ({ spec: o, flag: o.flag, explicit }));
    }
    // A single-dash prefix: every option here is long, so only a full-prefix match can hit.
    return this.spec.options
      .filter((o) => o.flag === arg.slice(0, 2) || o.flag.startsWith(arg))
      .map((o) => ({
        spec: o,
        flag: o.flag,
        explicit: undefined,
      }));
  }

  private consumeOptional(start: number): number {
    const tuple = this.optionIndices.get(start) as OptionTuple;
    const spec = tuple.spec;
    if (!spec) {
      this.extras.push(this.args[start] as string);
      return start + 1;
    }
    if (tuple.explicit !== undefined) {
      if (spec.nargs === 0) throw new ArgparseError(`argument ${spec.flag}: ignored explicit argument ${pyRepr(tuple.explicit)}`);
      this.takeOption(spec, [tuple.explicit]);
      return start + 1;
    }
    const following = this.pattern.slice(start + 1);
    const count = optionArgCount(spec, following);
    this.takeOption(spec, this.args.slice(start + 1, start + 1 + count));
    return start + 1 + count;
  }

  private takeOption(spec: OptionSpec, argStrings: readonly string[]): void {
    this.seen.add(spec.dest);
    if (spec.version) throw new VersionReached();
    if (spec.nargs === 0) {
      this.values.set(spec.dest, true);
      return;
    }
    const strings = withoutFirstDashDash(argStrings);
    if (spec.nargs === '*') {
      this.values.set(spec.dest, strings);
      return;
    }
    const value = strings[0] ?? spec.const;
    if (value === undefined) return;
    const converted = spec.type ? convertValue(spec.flag, value, spec.type) : value;
    checkChoice(spec.flag, converted, spec.choices, [], this.generation);
    this.values.set(spec.dest, converted);
  }

  private consumePositionals(start: number): number {
    const counts = matchPositionalsPartial(this.positionals, this.pattern.slice(start));
    let index = start;
    counts.forEach((count, i) => {
      const spec = this.positionals[i] as PositionalSpec;
      const strings = withoutFirstDashDash(this.args.slice(index, index + count));
      index += count;
      const value = strings[0];
      if (value !== undefined) {
        checkChoice(spec.dest, value, spec.choices, spec.aliases ?? [], this.generation);
        this.values.set(spec.dest, value);
      }
    });
    this.positionals = this.positionals.slice(counts.length);
    return index;
  }
}

// _match_argument for an option: how many of the following arguments it takes.
function optionArgCount(spec: OptionSpec, following: string): number {
  if (spec.nargs === 0) return 0;
  // nargs '*' (argparse's '([A]*)' for an option): every value up to the next option or `--`.
  if (spec.nargs === '*') return /^A*/.exec(following)?.[0].length ?? 0;
  if (following[0] === 'A') return 1;
  if (spec.nargs === '?') return 0;
  throw new ArgparseError(`argument ${spec.flag}: expected one argument`);
}

// _match_arguments_partial: as many positionals as the pattern can fill, greedily.
function matchPositionalsPartial(positionals: readonly PositionalSpec[], pattern: string): number[] {
  for (let n = positionals.length; n > 0; n--) {
    const parts = positionals.slice(0, n).map((p) => (p.nargs === 1 ? '(-*A-*)' : '(-*A?-*)'));
    const match = new RegExp(`^${parts.join('')}`).exec(pattern);
    if (match) return match.slice(1).map((group) => (group ?? '').length);
  }
  return [];
}

function withoutFirstDashDash(strings: readonly string[]): string[] {
  const out = [...strings];
  const i = out.indexOf('--');
  if (i >= 0) out.splice(i, 1);
  return out;
}

/** awscli CLIArgParser._check_value: the value and the close matches, in the generation's words. */
// argparse _get_value: a type that fails (undefined) is `invalid <type> value: <repr>`.
function convertValue(flag: string, value: string, type: NonNullable<OptionSpec['type']>): string {
  const converted = type.convert(value);
  if (converted === undefined) throw new ArgparseError(`argument ${flag}: invalid ${type.name} value: ${pyRepr(value)}`);
  return converted;
}

function checkChoice(name: string, value: string, choices: readonly string[] | undefined, aliases: readonly string[], generation: Generation): void {
  if (!choices || choices.includes(value) || aliases.includes(value)) return;
  throw new ArgparseError(`argument ${name}: ${INVALID_CHOICE_TEXT[generation](value, choices)}`);
}

const INVALID_CHOICE_TEXT: Readonly<Record<Generation, (value: string, choices: readonly string[]) => string>> = {
  '2.9.19': invalidChoice2919,
  '2.36.7': invalidChoice2367,
};

// 2.9.19: every choice, two per line, 40 wide, then the close matches.
function invalidChoice2919(value: string, choices: readonly string[]): string {
  const lines = ['Invalid choice, valid choices are:\n'];
  for (let i = 0; i < choices.length; i += 2) {
    lines.push(
      choices
        .slice(i, i + 2)
        .map((c) => c.padEnd(40))
        .join(' | '),
    );
  }
  const possible = getCloseMatches(value, choices, 3, 0.8);
  if (possible.length > 0) {
    lines.push(`\n\nInvalid choice: ${pyRepr(value)}, maybe you meant:\n`);
    for (const word of possible) lines.push(`  * ${word}`);
  }
  return lines.join('\n');
}

// 2.36.7: the value as given (no repr), then the close matches.
function invalidChoice2367(value: string, choices: readonly string[]): string {
  const lines = [`Found invalid choice '${value}'\n`];
  const possible = getCloseMatches(value, choices, 3, 0.8);
  if (possible.length > 0) lines.push('Maybe you meant:\n', ...possible.map((word) => `  * ${word}`));
  return lines.join('\n');
}
