// --cli-input-yaml documents loaded exactly as AWS CLI v2.9.19 does: ruamel.yaml 0.17.21
// `YAML(typ='safe', pure=True).load(text)`, ported module by module (reader, scanner, parser,
// composer, resolver, SafeConstructor in src/yaml-read/). It does not check the shape.
import { strictUtf8Text } from '../values/py-decode.js';
import { decodeUtf16 } from '../values/py-utf-codecs.js';
import type { PyValue } from '../values/py-value.js';
import { YamlComposer } from './composer.js';
import { SafeConstructor } from './construct.js';
import { pythonCrash, yamlError } from './errors.js';
import type { YamlMark } from './marks.js';
import { PyRecursionError, PythonStack } from '../values/py-recursion.js';
import { YamlParser } from './parser.js';
import { YamlReader } from './reader.js';
import { reusedAnchorWarning } from './reused-anchor.js';
import { YamlScanner } from './scanner.js';

export { YamlInputError } from './errors.js';

// AWS CLI quirk: ruamel's composer recurses once per level of nesting and SafeConstructor once per
// level of a mapping key, so a deep document hits Python's recursion limit and escapes as a
// RecursionError (rc 255). The frame counts below the recursion were calibrated against aws 2.9.19
// (fixtures/yaml-input/recursion.json): 484 nested collections load, 485 crash; a key 194 mappings
// deep is refused as unhashable, 195 deep crashes. The message's suffix (" while getting the repr
// of an object", ...) depends on the exact innermost call and is not modelled.
const COMPOSER_BASE_FRAMES = 31;
const CONSTRUCTOR_BASE_FRAMES = 23;

/**
 * Loads one --cli-input-yaml document as ruamel.yaml would: ints are bigint, floats PyFloat,
 * timestamps PyDateTime (offsets folded into naive UTC), mappings PyDict; an empty document is null.
 * Where PyValue has no Python type to match, this clone's conventions: a key that is not a str is
 * stored under Python's str(key) (`1`, `True`, `None`, `(1, 'a')`; so `1` and `'1'` share an
 * entry); a !!set is a PyDict whose values are null, an !!omap an ordered PyDict, !!pairs a list
 * of [key, value] lists. An alias inside its own anchor (`&a [*a]`) gives a cyclic value.
 * Throws YamlInputError: YAML_ERROR for what ruamel raises as YAMLError, PYTHON_CRASH (with
 * Python's str(exc)) for the other exceptions, which escape the CLI.
 * `warn` gets the text of each Python warning ruamel emits (a reused anchor's ReusedAnchorWarning)
 * as the reference writes it to stderr, when it emits it: before any error later in the document.
 * @example loadYamlInput('JobName: yes\nRiskThreshold: 017') // PyDict { JobName: 'yes', RiskThreshold: 17n }
 */
export function loadYamlInput(text: string, warn: (text: string) => void = ignoreWarnings): PyValue {
  try {
    return load(text, warn);
  } catch (error) {
    if (error instanceof PyRecursionError) throw pythonCrash(error.message);
    throw error;
  }
}

/**
 * The text ruamel's Reader makes of a bytes document (`fileb://`): determine_encoding's UTF-16-LE
 * or -BE for a leading BOM (kept, as a U+FEFF the scanner skips), else UTF-8, all strict, and all
 * decoded before anything is scanned (a bytes stream is read whole). A byte the codec refuses is
 * ruamel's ReaderError, a YAMLError.
 */
export function yamlBytesText(bytes: Uint8Array): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'le');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'be');
    return strictUtf8Text(bytes);
  } catch (error) {
    throw yamlError(error instanceof Error ? error.message : String(error));
  }
}

function ignoreWarnings(): void {}

function load(text: string, warn: (text: string) => void): PyValue {
  const reader = new YamlReader(text);
  const scanner = new YamlScanner(reader);
  const version = () => scanner.version;
  const onReusedAnchor = (anchor: string, first: YamlMark, second: YamlMark) => warn(reusedAnchorWarning(anchor, first, second, reader.buffer));
  const composer = new YamlComposer(new YamlParser(scanner), version, new PythonStack(COMPOSER_BASE_FRAMES), onReusedAnchor);
  const node = composer.getSingleNode();
  if (node === null) return null;
  const stack = new PythonStack(CONSTRUCTOR_BASE_FRAMES, ' in comparison');
  return new SafeConstructor(version, stack, warn).constructDocument(node);
}
