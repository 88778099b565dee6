// bytes.decode('utf-8') as far as a byte order mark goes: Python keeps a leading BOM as U+FEFF
// (only the 'utf-8-sig' codec takes it off), where TextDecoder takes it off by default. So a body
// or an output that starts with one is no JSON to json.loads, as in the reference. Pure.
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `bytes` as UTF-8 text, a leading BOM kept. */
export function utf8Text(bytes: Uint8Array): string {
  return UTF8.decode(bytes);
}

/** Python's strict `bytes.decode('utf-8')`: invalid bytes throw (a TypeError), a leading BOM is kept. */
export function strictUtf8Text(bytes: Uint8Array): string {
  return STRICT_UTF8.decode(bytes);
}

/**
 * Python's `bytes.decode('utf-8', 'surrogatepass')` (json.loads of bytes): strict, but a surrogate
 * encoded as UTF-8 (ED A0 80 to ED BF BF) decodes to that lone surrogate. Invalid bytes throw (a
 * TypeError). ED is always a lead byte, so the bytes between such sequences decode on their own.
 */
export function surrogatepassUtf8Text(bytes: Uint8Array): string {
  let text = '';
  let start = 0;
  for (let i = bytes.indexOf(0xed); i >= 0 && i + 2 < bytes.length; i = bytes.indexOf(0xed, i + 1)) {
    const b2 = bytes[i + 1] ?? 0;
    const b3 = bytes[i + 2] ?? 0;
    if (b2 < 0xa0 || b2 > 0xbf || b3 < 0x80 || b3 > 0xbf) continue;
    text += STRICT_UTF8.decode(bytes.subarray(start, i)) + String.fromCharCode(0xd000 | ((b2 & 0x3f) << 6) | (b3 & 0x3f));
    start = i + 3;
    i += 2;
  }
  return text + STRICT_UTF8.decode(bytes.subarray(start));
}
