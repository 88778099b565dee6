// Python's repr(float): the shortest digits that round-trip (JavaScript finds the same digits),
// laid out the way CPython's float_repr_style 'short' does. No I/O.

/**
 * Python `repr(float)`.
 * @example pyFloatRepr(1e16) === '1e+16'; pyFloatRepr(100) === '100.0'; pyFloatRepr(1e-5) === '1e-05'
 */
export function pyFloatRepr(n: number): string {
  if (Number.isNaN(n)) return 'nan';
  if (n === Infinity) return 'inf';
  if (n === -Infinity) return '-inf';
  if (n === 0) return Object.is(n, -0) ? '-0.0' : '0.0';
  const sign = n < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(Math.abs(n));
  return sign + layOut(digits, exponent);
}

/** The significant digits of a positive finite number and the power of ten of the first one. */
function shortestDigits(n: number): { digits: string; exponent: number } {
  // Number#toString gives the shortest round-trip digits, as Python's dtoa mode 0 does.
  const [mantissa = '', exp = '0'] = n.toString().split('e');
  const [intPart = '', fraction = ''] = mantissa.split('.');
  let digits = intPart + fraction;
  let point = intPart.length + Number(exp);
  const leading = /^0*/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(leading);
  point -= leading;
  digits = digits.replace(/0+$/, '');
  return { digits, exponent: point - 1 };
}

// repr uses scientific notation when the exponent is < -4 or >= 16.
function layOut(digits: string, exponent: number): string {
  if (exponent < -4 || exponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) return `${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
  return `${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}
