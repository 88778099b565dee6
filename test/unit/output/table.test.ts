import { describe, expect, it } from 'vitest';
import { type CliError, GeneralError } from '../../../src/errors.js';
import type { Shape } from '../../../src/model/shapes.js';
import { startJob } from '../../helpers/models.js';
import { responseView } from '../../../src/output/response-view.js';
import { formatTable, TableBuilder } from '../../../src/output/table.js';
import { PyDict, PyObject } from '../../../src/values/py-value.js';
import { fromTagged, type Tagged } from '../../helpers/py-tagged.js';
import rowsData from '../../../fixtures/output/table.json' with { type: 'json' };
import spec from '../../../fixtures/output/table-spec.json' with { type: 'json' };

// Written by scripts/gen-table-fixtures.py: awscli's own TableFormatter on each value, colour
// off, colour on through colorama's autoreset stdout wrapper, and colour on into a plain pipe.
interface TableRow {
  name: string;
  value: Tagged;
  width: number;
  plain?: string;
  colorAutoreset?: string;
  colorPager?: string;
  error?: string;
  errorType?: string;
}

const rows = rowsData as TableRow[];
const okRows = rows.filter((row) => row.error === undefined);
const errorRows = rows.filter((row) => row.error !== undefined);
const TITLE = startJob().name;

function format(row: TableRow, color: boolean, autoreset: boolean): string {
  return formatTable(fromTagged(row.value), { title: TITLE, color, autoreset, width: row.width });
}

describe(formatTable.name, () => {
  it('has a large fixture table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(errorRows.length).toBeGreaterThan(10);
  });

  it.each(okRows)('$name (width $width): colour off', (row) => {
    expect(format(row, false, false)).toBe(row.plain);
    // Without colour there is no colorama wrapper, so autoreset changes nothing.
    expect(format(row, false, true)).toBe(row.plain);
  });

  it.each(okRows)('$name (width $width): colour on, colorama autoreset stdout', (row) => {
    expect(format(row, true, true)).toBe(row.colorAutoreset);
  });

  it.each(okRows)('$name (width $width): colour on, into the pager', (row) => {
    expect(format(row, true, false)).toBe(row.colorPager);
  });

  it.each(errorRows)('$name: crashes like Python ($errorType)', (row) => {
    for (const color of [false, true]) {
      let caught: unknown;
      try {
        format(row, color, color);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(GeneralError);
      expect((caught as CliError).code).toBe('PYTHON_CRASH');
      expect((caught as CliError).exitCode).toBe(255);
      expect((caught as CliError).message).toBe(row.error);
    }
  });
});

describe('table spec fixtures (AWS CLI 2.9.19 captures)', () => {
  const shape = startJob().output as Shape;
  const value = responseView(spec.body, shape, { timestampFormat: 'iso8601', timeZone: { name: 'UTC' } });

  it('prints sample-output.table.txt for the sample body', () => {
    expect(formatTable(value, { title: TITLE, color: false, autoreset: false, width: 80 })).toBe(spec.plain);
  });

  it('prints sample-output.table-color-on.txt with --color on', () => {
    expect(formatTable(value, { title: TITLE, color: true, autoreset: true, width: 80 })).toBe(spec.colorOn);
  });

  it('styles the pager output without the autoreset resets', () => {
    const pager = formatTable(value, { title: TITLE, color: true, autoreset: false, width: 80 });
    expect(pager).not.toMatch(/\x1b\[0m\x1b\[0m/);
    expect(pager.replace(/\x1b\[[0-9;]*m/g, '')).toBe(spec.plain);
  });
});

describe(TableBuilder.name, () => {
  it('gives the title-only section for a truthy scalar', () => {
    const builder = new TableBuilder();
    expect(builder.build(TITLE, 'x')).toBe(true);
    expect(builder.sections.map((s) => [s.title, s.headers, s.rows, s.indentLevel])).toEqual([[TITLE, [], [], 0]]);
  });

  it('crashes on a list of dicts whose other elements index into str and int keys', () => {
    // Python's message names the pair its hash-seeded set order compares first; only the kind is pinned.
    const value = [new PyDict([['a', 1n]]), [0n]];
    expect(() => new TableBuilder().build(TITLE, value)).toThrow(GeneralError);
  });

  it('repeats the headers of a list of dicts only when elements have nested keys', () => {
    const element = (n: bigint): PyDict =>
      new PyDict([
        ['a', n],
        ['n', new PyDict([['x', n]])],
      ]);
    const builder = new TableBuilder();
    builder.build(TITLE, [element(1n), element(2n)]);
    expect(builder.sections.map((s) => [s.title, s.headers, s.rows, s.indentLevel])).toEqual([
      [TITLE, ['a'], [['1']], 0],
      ['n', [], [['x', '1']], 1],
      [TITLE, ['a'], [['2']], 0],
      ['n', [], [['x', '2']], 1],
    ]);
  });

  it('takes an object outside the value model as a scalar: a title box alone, a cell of its repr inside', () => {
    const expref = new PyObject('jmespath.visitor', '_Expression');
    const repr = '<jmespath.visitor._Expression object at 0x7f0000000000>';
    const sections = (value: PyDict | PyObject | PyObject[]): unknown[] => {
      const builder = new TableBuilder();
      builder.build(TITLE, value);
      return builder.sections.map((s) => [s.title, s.headers, s.rows]);
    };
    expect(sections(expref)).toEqual([[TITLE, [], []]]);
    expect(sections([expref])).toEqual([[TITLE, [], [[repr]]]]);
    expect(sections(new PyDict([['a', expref]]))).toEqual([[TITLE, [], [['a', repr]]]]);
  });

  it('cannot iterate an object among the elements of a list of dicts', () => {
    const value = [new PyDict([['a', 1n]]), new PyObject('jmespath.visitor', '_Expression')];
    expect(() => new TableBuilder().build(TITLE, value)).toThrow("'_Expression' object is not iterable");
  });
});
