import { describe, expect, it } from 'vitest';
import { parseCommandLine, type CommandLine } from '../../../src/cli/parse-command-line.js';
import { CliError } from '../../../src/errors.js';
import rows from '../../../fixtures/cli/parse-command-line.json' with { type: 'json' };
import { MODELS } from '../../helpers/models.js';

// Rows follow spec §1 (argparse semantics of AWS CLI v2); the golden cases check the same
// rules end to end against recordings of /usr/bin/aws.
interface Row {
  group: string;
  name: string;
  argv: string[];
  expected?: {
    kind: string;
    params?: Record<string, string | readonly string[]>;
    globals?: Record<string, string | boolean>;
    cliInputJson?: string;
    generateCliSkeleton?: string;
  };
  error?: { code: string; message?: string; messageStartsWith?: string; messageEndsWith?: string };
}

function summary(line: CommandLine): Record<string, unknown> {
  if (line.kind !== 'operation') return { kind: line.kind };
  return {
    kind: line.kind,
    params: Object.fromEntries(line.params),
    globals: Object.fromEntries(line.globals),
    ...(line.cliInputJson !== undefined ? { cliInputJson: line.cliInputJson } : {}),
    ...(line.generateCliSkeleton !== undefined ? { generateCliSkeleton: line.generateCliSkeleton } : {}),
  };
}

describe(parseCommandLine.name, () => {
  const ok = (rows as Row[]).filter((row) => row.expected);
  const failing = (rows as Row[]).filter((row) => row.error);

  it.each(ok)('$group: $name', ({ argv, expected }) => {
    const line = parseCommandLine(argv, MODELS['2.9.19'], '2.9.19');
    const got = summary(line);
    expect(got).toEqual(line.kind === 'operation' ? expected : { kind: expected?.kind });
  });

  it.each(failing)('$group: $name', ({ argv, error }) => {
    let thrown: unknown;
    try {
      parseCommandLine(argv, MODELS['2.9.19'], '2.9.19');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CliError);
    const e = thrown as CliError;
    expect(e.code).toBe(error?.code);
    if (error?.message !== undefined) expect(e.message).toBe(error.message);
    if (error?.messageStartsWith !== undefined) expect(e.message.startsWith(error.messageStartsWith)).toBe(true);
    if (error?.messageEndsWith !== undefined) expect(e.message.endsWith(error.messageEndsWith)).toBe(true);
  });
});
