// ruamel.yaml 0.17.21's MantissaNoDotYAML1_1Warning: SafeConstructor.construct_yaml_float warns
// (and goes on) when a float of a document that is not YAML 1.2 (`%YAML 1.1`) has an exponent and
// no dot in its mantissa (`1e3`, `!!float 2E3`). No I/O.
import { pyWarningText } from '../values/py-warning.js';
import type { YamlMark } from './marks.js';

/**
 * The stderr text of the warning, as aws 2.9.19 and 2.36.7 (both on Debian's ruamel) print it:
 * `text` is the scalar as constructed (before the underscores go and the case is lowered), `mark`
 * the node's start mark, printed 0-based as ruamel's Mark holds it. Each float's text differs
 * (its position is in it), so each one prints.
 */
export function mantissaNoDotWarning(text: string, mark: YamlMark | undefined): string {
  return pyWarningText({
    filename: '/usr/lib/python3/dist-packages/ruamel/yaml/constructor.py',
    lineno: 532,
    category: 'MantissaNoDotYAML1_1Warning',
    message: `
In YAML 1.1 floating point values should have a dot ('.') in their mantissa.
See the Floating-Point Language-Independent Type for YAML\u2122 Version 1.1 specification
( http://yaml.org/type/float.html ). This dot is not required for JSON nor for YAML 1.2

Correct your float: "${text}" on line: ${mark?.line ?? 0}, column: ${mark?.column ?? 0}

or alternatively include the following in your code:

  import warnings
  warnings.simplefilter('ignore', ruamel.yaml.error.MantissaNoDotYAML1_1Warning)

`,
    sourceLine: '                    warnings.warn(MantissaNoDotYAML1_1Warning(node, value_so))',
  });
}
