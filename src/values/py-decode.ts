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
