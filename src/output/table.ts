// `--output table`: the value → table model step, a port of awscli/formatter.py TableFormatter
// (titled sections, sorted headers, rows of Python str() cells, indent levels), and
// formatTable, which renders the model (table-render.ts). Pure: returns the text.
import { GeneralError } from '../errors.js';
import { pyStr, pyTypePath } from '../values/py-repr.js';
import { pyTruthy } from '../values/py-truthy.js';
import { PyDict, type PyValue, isPyScalar } from '../values/py-value.js';
import { groupScalarKeys, groupScalarKeysFromList, type TableKey } from './table-keys.js';
import { renderTable, type RenderOptions } from './table-render.js';
import { TableSection } from './table-section.js';

/** Builds the sections the way TableFormatter._build_table fills its MultiTable. */
export class TableBuilder {
  readonly sections: TableSection[] = [];
  private current: TableSection | undefined;

  /** _build_table: false (and no section) when the value is falsy. */
  build(title: string | null, value: PyValue, indentLevel = 0): boolean {
    if (!pyTruthy(value)) return false;
    if (title !== null) this.newSection(title, indentLevel);
    if (Array.isArray(value)) {
      if (value[0] instanceof PyDict) this.buildFromList(value, indentLevel, title);
      else this.buildFromOtherList(value);
    }
    if (value instanceof PyDict) this.buildFromDict(value, indentLevel);
    return true;
  }

  private newSection(title: string | null, indentLevel: number): void {
    this.current = new TableSection(title, indentLevel);
    this.sections.push(this.current);
  }

  private section(): TableSection {
    if (this.current === undefined) throw new Error('table: no section to add to');
    return this.current;
  }

  private addRow(cells: readonly PyValue[]): void {
    this.section().addRow(cells.map(pyStr));
  }

  private addHeader(keys: readonly TableKey[]): void {
    this.section().addHeader(keys.map((key) => (typeof key === 'string' ? key : pyStr(key))));
  }

  // A list whose first element is not a dict: scalars and all-scalar containers are rows.
  private buildFromOtherList(list: readonly PyValue[]): void {
    for (const item of list) {
      if (isPyScalar(item)) {
        this.addRow([item]);
        continue;
      }
      // AWS CLI quirk (formatter.py): iterating a dict gives its keys, so a dict here is a row of its keys.
      const elements: readonly PyValue[] = item instanceof PyDict ? [...item.keys()] : Array.isArray(item) ? item : [];
      if (elements.every(isPyScalar)) this.addRow(elements);
      // AWS CLI quirk (formatter.py): the recursion drops the indent level back to 0.
      else this.build(null, item);
    }
  }

  private buildFromDict(dict: PyDict, indentLevel: number): void {
    const { scalar, nested } = groupScalarKeys(dict);
    const headers = scalar as string[];
    const [only] = headers;
    if (headers.length === 1 && only !== undefined) {
      this.addRow([only, dict.get(only) ?? null]);
    } else if (headers.length > 0) {
      this.addHeader(headers);
      this.addRow(headers.map((key) => dict.get(key) ?? null));
    }
    for (const key of nested as string[]) this.build(key, dict.get(key) ?? null, indentLevel + 1);
  }

  private buildFromList(list: readonly PyValue[], indentLevel: number, title: string | null): void {
    const { scalar: headers, nested } = groupScalarKeysFromList(list);
    this.addHeader(headers);
    list.forEach((element, index) => {
      if (index > 0 && nested.length > 0) {
        this.newSection(title, indentLevel);
        this.addHeader(headers);
      }
      if (!(element instanceof PyDict)) {
        throw new GeneralError('PYTHON_CRASH', `'${pyTypePath(element)}' object has no attribute 'get'`);
      }
      this.addRow(headers.map((key) => (typeof key === 'string' && element.has(key) ? (element.get(key) ?? null) : '')));
      for (const key of nested) {
        if (typeof key === 'string' && element.has(key)) this.build(key, element.get(key) ?? null, indentLevel + 1);
      }
    });
  }
}

export interface TableOptions extends RenderOptions {
  /** The operation name, e.g. `StartSpeakerEnrollmentJob`. */
  readonly title: string;
}

/**
 * The `--output table` text for a (queried) response; empty for a falsy value.
 * @example formatTable('x', { title: 'Op', color: false, autoreset: false, width: 80 }) === '----\n|Op|\n+--+\n'
 */
export function formatTable(value: PyValue, options: TableOptions): string {
  const builder = new TableBuilder();
  if (!builder.build(options.title, value)) return '';
  return renderTable(builder.sections, options);
}
