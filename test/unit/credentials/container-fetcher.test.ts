import { describe, expect, it } from 'vitest';
import { containerFetcherRules, isPyLoopbackAddress, refusedContainerHost } from '../../../src/credentials/container-fetcher.js';

describe(isPyLoopbackAddress.name, () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['::1', true],
    ['0:0:0:0:0:0:0:1', true],
    ['0::0001', true],
    ['128.0.0.1', false],
    ['127.0.0.01', false],
    ['127.1', false],
    ['localhost', false],
    ['::2', false],
    ['1::1', false],
    [':::1', false],
  ])('%s → %s', (host, expected) => {
    expect(isPyLoopbackAddress(host)).toBe(expected);
  });
});

describe(refusedContainerHost.name, () => {
  const old = containerFetcherRules('2.9.19');
  const later = containerFetcherRules('2.36.7');

  it('allows 2.9.19 its three hosts only', () => {
    expect(refusedContainerHost(old, 'http', '127.0.0.1')).toBeUndefined();
    expect(refusedContainerHost(old, 'http', '127.0.0.2')).toBe(
      "Unsupported host '127.0.0.2'.  Can only retrieve metadata from these hosts: 169.254.170.2, localhost, 127.0.0.1",
    );
    expect(refusedContainerHost(old, 'https', 'example.com')).toContain('Unsupported host');
  });

  it('allows later releases https, loopback addresses and four hosts', () => {
    expect(refusedContainerHost(later, 'https', 'example.com')).toBeUndefined();
    expect(refusedContainerHost(later, 'http', '127.0.0.2')).toBeUndefined();
    expect(refusedContainerHost(later, 'http', 'fd00:ec2::23')).toBeUndefined();
    expect(refusedContainerHost(later, 'http', undefined)).toBe(
      "Unsupported host 'None'.  Can only retrieve metadata from a loopback address or one of these hosts: 169.254.170.2, 169.254.170.23, fd00:ec2::23, localhost",
    );
  });

  it('words the non-200 message per release', () => {
    expect(old.non200(404, 'x')).toBe('Received non 200 response (404) from ECS metadata: x');
    expect(later.non200(404, 'x')).toBe('Received non 200 response 404 from container metadata: x');
  });
});
