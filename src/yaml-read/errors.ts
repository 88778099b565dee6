// The one error type of the --cli-input-yaml loader (src/yaml-read/). `code` says how the
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
