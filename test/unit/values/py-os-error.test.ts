// str(OSError) as Python prints it, checked against CPython 3.11 on Linux.
import { describe, expect, it } from 'vitest';
import { pyOsErrorMessage, pyOsErrorText } from '../../../src/values/py-os-error.js';

describe(pyOsErrorText.name, () => {
  it.each([
    ['ENOENT', '/nope', "[Errno 2] No such file or directory: '/nope'"],
    ['EACCES', "it's", `[Errno 13] Permission denied: "it's"`],
    ['EISDIR', '.', "[Errno 21] Is a directory: '.'"],
    ['ENOEXEC', './x', "[Errno 8] Exec format error: './x'"],
    ['ENOENT', undefined, '[Errno 2] No such file or directory'],
  ])('%s with %s', (code, filename, text) => {
    expect(pyOsErrorText(code, filename)).toBe(text);
  });

  it('knows no names outside the errno table', () => {
    expect(pyOsErrorText('ERR_SOMETHING', 'x')).toBeUndefined();
    expect(pyOsErrorText('toString', 'x')).toBeUndefined();
    expect(pyOsErrorText(undefined)).toBeUndefined();
  });
});

describe(pyOsErrorMessage.name, () => {
  it('falls back to the error message', () => {
    expect(pyOsErrorMessage(Object.assign(new Error('boom'), { code: 'ERR_X' }), 'f')).toBe('boom');
    expect(pyOsErrorMessage(Object.assign(new Error('x'), { code: 'ENOTDIR' }), 'a/b')).toBe("[Errno 20] Not a directory: 'a/b'");
  });
});
