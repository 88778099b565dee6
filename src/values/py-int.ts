// Python int ⇄ decimal text, with CPython's 4300-digit limit on conversions (since 3.11,
// sys.get_int_max_str_digits()), and the ValueError both directions raise. No I/O.

/** CPython's default `sys.get_int_max_str_digits()`. */
export const INT_MAX_STR_DIGITS = 4300;

/** A Python ValueError: `message` is `str(exc)`. JSONDecodeError derives from it, as in Python. */
export class PyValueError extends Error {
  override readonly name: string = 'PyValueError';
}

/** Python `int(text)` for a decimal literal already known to be well formed (`-?[0-9]+`). */
export function pyIntFromDecimal(text: string): bigint {
  const digits = text.startsWith('-') || text.startsWith('+') ? text.length - 1 : text.length;
  if (digits > INT_MAX_STR_DIGITS) {
    throw new PyValueError(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: ` +
        `value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return BigInt(text);
}

/** Python `repr(int)` / `str(int)`. */
export function pyIntRepr(value: bigint): string {
  const text = value.toString();
  const digits = value < 0n ? text.length - 1 : text.length;
  if (digits > INT_MAX_STR_DIGITS) {
    throw new PyValueError(
      `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return text;
}
