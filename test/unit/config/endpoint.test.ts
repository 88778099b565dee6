import { describe, expect, it } from 'vitest';
import { checkEndpointUrl } from '../../../src/config/endpoint.js';

describe(checkEndpointUrl.name, () => {
  it.each(['http://127.0.0.1:8080', 'https://voiceid.example.test/', 'http://localhost:1/base/path'])('accepts %s', (url) => {
    expect(() => checkEndpointUrl(url)).not.toThrow();
  });

  it.each([
    ['http://127.0.0.1/#x', 'http://127.0.0.1/#x'],
    ['  http://127.0.0.1:9', 'http://127.0.0.1:9'],
    ['\u0001http://127.0.0.1:9', 'http://127.0.0.1:9'],
  ])('takes %j as urlsplit does: %j', (url, sent) => {
    expect(checkEndpointUrl(url)).toBe(sent);
  });

  it.each(['http://:9', 'http://a_b:9', 'http://[::1]:9', '\thttp://127.0.0.1:9', 'http://127.0.0.1:9/\n', 'http://127.0.\t0.1:9'])(
    'refuses %j, as 2.9.19 does',
    (url) => {
      expect(() => checkEndpointUrl(url)).toThrow(`Invalid endpoint: ${url}`);
    },
  );

  // Deliberate: the reference lets these through and then sends to the real AWS endpoint.
  it.each(['ftp://127.0.0.1', 'http://127.0.0.1/?a=b', 'http://127.0.0.1:9 ', 'http://127.0.0.1 :9/', 'http://127.0.0.1:9\u0001/'])(
    'refuses %j, where the reference would reach AWS',
    (url) => {
      expect(() => checkEndpointUrl(url)).toThrow(`Invalid endpoint: ${url}`);
    },
  );

  it.each(['http://[::1]:9', 'https://[2001:db8::5]/'])('accepts the IPv6 host of %s where later botocore does', (url) => {
    expect(() => checkEndpointUrl(url, true)).not.toThrow();
  });

  it('still refuses a broken IPv6 host', () => {
    expect(() => checkEndpointUrl('http://[::1/', true)).toThrow('Invalid endpoint');
  });
});
