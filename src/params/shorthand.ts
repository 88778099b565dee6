// Parses AWS CLI shorthand syntax (`A=b,C=[d,e],F={G=h}`) into a PyDict of strings, lists and
// PyDicts: a port of awscli/shorthand.py ShorthandParser, errors and quirks included, as the
// generation's awscli has it (shorthand-syntax.ts). Syntax only: numbers, booleans and
// bare-value-to-list belong to the model pass (shorthand-coerce.ts); 2.36.7's `@=` files are read
// through the ShorthandParamfiles the caller gives.
import { GeneralError } from '../errors.js';
import type { Generation } from '../model/generation.js';
import { pyRstrip } from '../values/py-str.js';
import { matchBare, QuotedMatcher, type BareKind } from './shorthand-match.js';
import { DuplicateKeyError, ShorthandSyntaxError } from './shorthand-errors.js';
import { FILEB_PREFIX } from './paramfile.js';
import { NO_PARAMFILES, SHORTHAND_SYNTAX, type ShorthandParamfiles, type ShorthandSyntax } from './shorthand-syntax.js';
import { PyDict, type PyBytes, type PyValue } from '../values/py-value.js';
import { PyRecursionError, PythonStack } from '../values/py-recursion.js';

/** Python's string.whitespace: the only whitespace the grammar itself skips. */
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
const KEY_CHAR = /^[A-Za-z0-9\-_.#/:]$/;
// AWS CLI quirk: Python's recursion limit ends the recursive descent with a raw RecursionError
// (exit 255). The parser counts frames as CPython 3.11 does, from the depth at which aws calls
// parse() (ShorthandSyntax.parseDepth), so in 2.9.19 486 nested [] parse and 487 crash
// (fixtures/shorthand/recursion*.json).
// RecursionError's message ends by what crossed the limit: a Python call, or a C call that
// CPython counts as well (Pattern.match, calling an exception class).
const PY_FRAME = '';
const C_CALL = ' while calling a Python object';

// get_file's frames below _resolve_paramfiles, down to compat_open's calls (fixtures/shorthand/recursion-2.36.7.json).
const READ_FRAMES = 7;

/**
 * Parses a shorthand value into a PyDict (string, list and PyDict values, in the order written)
 * as `generation`'s awscli does; in 2.36.7 a `key@=` value that `paramfiles` reads is replaced by
 * what it holds (a string or PyBytes). Throws ShorthandParseError on bad syntax, GeneralError
 * (PYTHON_CRASH) where Python's recursion limit stops awscli (about 485 nested brackets), and
 * whatever `paramfiles.read` throws.
 * @example parseShorthand('A=b,c,D={E=[f]}', '2.9.19') // PyDict { A: ['b', 'c'], D: PyDict { E: ['f'] } }
 */
export function parseShorthand(value: string, generation: Generation, paramfiles: ShorthandParamfiles = NO_PARAMFILES): PyDict {
  try {
    return new ShorthandParser(Array.from(value), SHORTHAND_SYNTAX[generation], paramfiles).parse();
  } catch (error) {
    if (error instanceof PyRecursionError) throw new GeneralError('PYTHON_CRASH', error.message, { cause: error });
    throw error;
  }
}

/** Recursive descent over code points (Python indexes str by code point, carets too). */
class ShorthandParser {
  private index = 0;
  /** The Python frames below the one the running method stands for. */
  private readonly stack: PythonStack;
  private readonly hasNewline: boolean;
  private readonly quoted: QuotedMatcher;
  /**
   * 2.36.7's _should_resolve_paramfiles: set by the last key read (`@=` or `=`), so it outlives a
   * hash: in `A@=[{B=c},file://d]` B's `=` clears it, and file://d stays as written.
   */
  private readingFiles = false;

  constructor(
    private readonly chars: readonly string[],
    private readonly syntax: ShorthandSyntax,
    private readonly paramfiles: ShorthandParamfiles,
  ) {
    this.hasNewline = chars.includes('\n');
    this.stack = new PythonStack(syntax.parseDepth);
    this.quoted = new QuotedMatcher(chars, syntax.escapedBackslash);
  }

  // parameter = keyval *("," keyval)      ; a repeated top-level key is an error
  parse(): PyDict {
    this.stack.push();
    const params = new PyDict([this.keyval()]);
    let lastIndex = this.index;
    while (this.index < this.chars.length) {
      this.expect(',', true);
      const [key, value] = this.keyval();
      // foo=a,foo=b
      //       ^ reported at (end of the previous keyval) + 1
      if (params.has(key)) throw new DuplicateKeyError(this.chars, key, lastIndex + 1);
      params.set(key, value);
      lastIndex = this.index;
    }
    return params;
  }

  // keyval = key "=" [values] / key "@=" [file-optional-values]     ; "@=" in 2.36.7 only
  private keyval(): [string, PyValue] {
    this.stack.push();
    const key = this.key();
    this.paramfileMark();
    this.expect('=', true);
    return this.leave([key, this.values()]);
  }

  // key = *(ALPHA / DIGIT / "-" / "_" / "." / "#" / "/" / ":")     ; may be empty
  private key(): string {
    const start = this.index;
    while (KEY_CHAR.test(this.current() ?? '')) this.index++;
    return this.chars.slice(start, this.index).join('');
  }

  // values = csv-value / explicit-list / hash-literal             ; nothing at all gives ''
  private values(): PyValue {
    const current = this.current();
    this.stack.push();
    return this.leave(current === undefined ? '' : current === '[' ? this.explicitList() : current === '{' ? this.hashLiteral() : this.csvValue());
  }

  // csv-value = first-value *("," second-value)     ; one value gives a scalar, more a list
  // Only at top level, far from the recursion limit.
  private csvValue(): PyValue {
    this.stack.push();
    const first = this.firstValue();
    this.consumeWhitespace();
    if (this.current() !== ',') return this.leave(first);
    this.expect(',', true);
    const list: PyValue[] = [first];
    for (;;) {
      const value = this.secondValue();
      this.consumeWhitespace();
      if (this.current() === undefined) {
        if (value === undefined) throw this.syntaxError('<second>', '<none>', 2);
        list.push(value);
        break;
      }
      if (value === undefined || this.current() !== ',') {
        // Python raises here and catches it: the last comma separates keyvals after all.
        // foo=a,b,c=d     "=" where "," was expected
        //        ^ backtrack to here
        while (this.index >= 0 && this.chars[this.index] !== ',') this.index--;
        break;
      }
      this.expect(',', true);
      list.push(value);
    }
    return this.leave(list.length === 1 ? first : list);
  }

  // explicit-list = "[" [item *("," item)] [","] "]"
  private explicitList(): PyValue[] {
    this.stack.push();
    this.expect('[', true);
    const values: PyValue[] = [];
    while (this.current() !== ']') {
      values.push(this.explicitValues());
      this.consumeWhitespace();
      if (this.current() !== ']') {
        this.expect(',');
        this.consumeWhitespace();
      }
    }
    this.expect(']');
    return this.leave(values);
  }

  // item = explicit-list / hash-literal / first-value
  private explicitValues(): PyValue {
    const current = this.current();
    this.stack.push();
    return this.leave(current === '[' ? this.explicitList() : current === '{' ? this.hashLiteral() : this.firstValue());
  }

  // hash-literal = "{" [key "=" item *("," key "=" item)] [","] "}"   ; a repeated key: last wins
  private hashLiteral(): PyDict {
    this.stack.push();
    this.expect('{', true);
    const keyvals = new PyDict();
    while (this.current() !== '}') {
      const key = this.key();
      this.paramfileMark();
      this.expect('=', true);
      const value = this.explicitValues();
      this.consumeWhitespace();
      if (this.current() !== '}') {
        this.expect(',');
        this.consumeWhitespace();
      }
      keyvals.set(key, value);
    }
    this.expect('}');
    return this.leave(keyvals);
  }

  // first-value = single-quoted / double-quoted / bare-first      ; bare-first may match nothing: ''
  private firstValue(): PyValue {
    const current = this.current();
    if (current === "'" || current === '"') return this.quotedValue(current);
    // _first_value → _value → _NamedRegex.match → Pattern.match (a counted C call)
    this.stack.reach(3, PY_FRAME);
    this.stack.reach(4, C_CALL);
    const end = this.matchBare('first');
    return end < 0 ? '' : this.resolved(this.takeBare(end), 3);
  }

  // second-value = single-quoted / double-quoted / bare-second    ; undefined where Python raises
  private secondValue(): string | PyBytes | undefined {
    const current = this.current();
    const quoted = current === "'" || current === '"';
    const end = quoted ? this.quoted.end(current, this.index) : this.matchBare('second');
    if (end < 0) return undefined;
    // A value read here is read even when the csv list then backtracks over it (a=x,file://b=c).
    return quoted ? this.resolved(this.takeQuoted(current, end), 3) : this.resolved(this.takeBare(end), 2);
  }

  private matchBare(kind: BareKind): number {
    return matchBare(this.chars, this.index, kind);
  }

  private takeBare(end: number): string {
    const text = this.chars.slice(this.index, end).join('');
    this.index = end;
    return pyRstrip(text.replaceAll('\\,', ','));
  }

  // single-quoted = "'" *("\\" / "\'" / not-quote) "'"    (double-quoted alike with '"'; 2.36.7 has no "\\")
  private quotedValue(quote: string): string | PyBytes {
    // _first_value → _single_quoted_value → _consume_quoted → _must_consume_regex → match → C
    this.stack.reach(5, PY_FRAME);
    this.stack.reach(6, C_CALL);
    const end = this.quoted.end(quote, this.index);
    if (end < 0) {
      // AWS CLI quirk (shorthand.py): the regex is named 'singled quoted'.
      const name = quote === "'" ? '<singled quoted>' : '<double quoted>';
      throw this.syntaxError(name, '<none>', 4);
    }
    return this.resolved(this.takeQuoted(quote, end), 3);
  }

  private takeQuoted(quote: string, end: number): string {
    const inner = this.chars.slice(this.index + 1, end - 1).join('');
    this.index = end;
    return inner.replaceAll(`\\${quote}`, quote).replaceAll('\\\\', '\\');
  }

  /** Leaves the frame of a method that stands for a Python frame. */
  private leave<T>(value: T): T {
    this.stack.leave();
    return value;
  }

  /** The error a method `offset` frames below raises, once the frames building it fit. */
  private syntaxError(expected: string, actual: string, offset: number): ShorthandSyntaxError {
    this.reachErrorFrames(offset);
    return new ShorthandSyntaxError(this.chars, expected, actual, this.index, this.syntax.locationIndent);
  }

  // Raising ShorthandParseSyntaxError: the class (a C call), then __init__ → _construct_msg →
  // _error_location → str.rindex/index.
  private reachErrorFrames(offset: number): void {
    this.stack.reach(offset + 1, C_CALL);
    this.stack.reach(offset + 4, PY_FRAME);
    if (this.hasNewline) this.stack.reach(offset + 5, C_CALL);
  }

  // 2.36.7: `_expect('@', consume_whitespace=True)` before each key's "=", its error caught, so a
  // key without '@' costs the frames of raising one (the message is never read: not built here).
  private paramfileMark(): void {
    if (!this.syntax.paramfileKeys) return;
    this.readingFiles = false;
    this.stack.reach(3, PY_FRAME);
    this.consumeWhitespace();
    if (this.current() !== '@') {
      this.reachErrorFrames(1);
      return;
    }
    this.index++;
    this.consumeWhitespace();
    this.readingFiles = true;
  }

  // _resolve_paramfiles (`offset` frames below) → get_paramfile → get_file, for a value after "@=".
  private resolved(value: string, offset: number): string | PyBytes {
    if (!this.readingFiles) return value;
    this.stack.reach(offset + 1, PY_FRAME);
    if (!this.paramfiles.isParamfile(value)) return value;
    // compat_open: text mode calls locale.getpreferredencoding() (a Python frame) before open(), a C call.
    this.stack.reach(offset + READ_FRAMES, value.startsWith(FILEB_PREFIX) ? C_CALL : PY_FRAME);
    return this.paramfiles.read(value);
  }

  // _expect, and _consume_whitespace → _current below it
  private expect(char: string, consumeWhitespace = false): void {
    this.stack.reach(consumeWhitespace ? 3 : 1, PY_FRAME);
    if (consumeWhitespace) this.consumeWhitespace();
    const actual = this.current();
    if (actual !== char) throw this.syntaxError(char, actual ?? 'EOF', 1);
    this.index++;
    if (consumeWhitespace) this.consumeWhitespace();
  }

  /** The code point at the cursor; undefined at the end of the input. */
  private current(): string | undefined {
    return this.chars[this.index];
  }

  private consumeWhitespace(): void {
    while (WHITESPACE.has(this.current() ?? '')) this.index++;
  }
}
