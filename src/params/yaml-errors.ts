// The one error type of the --cli-input-yaml loader (src/params/yaml-*.ts). `code` says how the
// real CLI reports it: YAML_ERROR is a ruamel YAMLError ("Invalid YAML received.", rc 252);
// PYTHON_CRASH is any other exception escaping ruamel (the CLI prints str(exc), rc 255).

export type YamlInputErrorCode = 'YAML_ERROR' | 'PYTHON_CRASH';

/** A document ruamel.yaml 0.17.21 refuses to load. For PYTHON_CRASH, `message` is Python's str(exc). */
export class YamlInputError extends Error {
  override readonly name = 'YamlInputError';

  constructor(
    readonly code: YamlInputErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A ruamel YAMLError (ScannerError, ParserError, ComposerError, ConstructorError, ...). */
export function yamlError(message: string): YamlInputError {
  return new YamlInputError('YAML_ERROR', message);
}

/** A non-YAML Python exception (ValueError, KeyError, TypeError, IndexError, ...): str(exc). */
export function pythonCrash(message: string): YamlInputError {
  return new YamlInputError('PYTHON_CRASH', message);
}

/**
 * Python's recursion limit, for the parts of ruamel.yaml that recurse (composer, deep key
 * construction, merge flattening): `enter` adds the frames a call costs, and past the limit
 * throws the RecursionError that escapes the CLI (rc 255).
 */
export class PythonStack {
  static readonly RECURSION_LIMIT = 1000;

  constructor(
    private depth: number,
    private readonly message = 'maximum recursion depth exceeded',
  ) {}

  enter(frames: number): void {
    this.depth += frames;
    if (this.depth > PythonStack.RECURSION_LIMIT) throw pythonCrash(this.message);
  }

  leave(frames: number): void {
    this.depth -= frames;
  }
}
