// ruamel.yaml 0.17.21's ReusedAnchorWarning: composer.py warns (and goes on) when a node's anchor
// names an anchor already defined in the document; an alias then gets the latest node. No I/O.
import { pyRepr } from '../values/py-repr.js';
import { pyWarningText } from '../values/py-warning.js';
import { markText, type YamlMark } from './marks.js';

/**
 * The stderr text of the warning, exactly as aws 2.9.19 and 2.36.7 (both on Debian's ruamel) print
 * it. `first`: the mark of the latest earlier node with the anchor; `second`: the new node's. The
 * default warning filter prints each distinct text once, and two reuses in one document never
 * share both marks, so every reuse prints.
 * @example reusedAnchorWarning('a', first, second, buffer) // '/usr/lib/.../composer.py:136: ReusedAnchorWarning: \nfound duplicate anchor \'a\'\n...'
 */
export function reusedAnchorWarning(anchor: string, first: YamlMark, second: YamlMark, buffer: readonly string[]): string {
  return pyWarningText({
    filename: '/usr/lib/python3/dist-packages/ruamel/yaml/composer.py',
    lineno: 136,
    category: 'ReusedAnchorWarning',
    message: `\nfound duplicate anchor ${pyRepr(anchor)}\nfirst occurrence ${markText(first, buffer)}\nsecond occurrence ${markText(second, buffer)}`,
    sourceLine: '                warnings.warn(ws, ReusedAnchorWarning)',
  });
}
