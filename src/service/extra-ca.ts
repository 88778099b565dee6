// NODE_EXTRA_CA_CERTS, deferred to the first TLS connection. Node reads that file (and parses its
// own bundled roots) at start-up, before any JS runs, even for a run that never connects; so
// bin/aws-voiceid (the sh launcher) moves the variable to AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS for
// node's start. restoreExtraCaCerts() puts it back for the children (pager, credential_process),
// and deferredTrust() reads the file when a TLS connection is made, as node 20 would have:
// - the certificates are read in order up to the first one OpenSSL cannot read, and the ones
//   before it are kept; a missing or unreadable file, a bad base64 block or a bad certificate is
//   node's one-line warning on stderr (`Warning: Ignoring extra certs from ...`, OpenSSL's error
//   text); text outside PEM blocks, other PEM blocks, an empty file or a directory, nothing;
// - they are added to node's default store, and only where node uses that store: a
//   connection with an explicit `ca` (--ca-bundle, AWS_CA_BUNDLE, ca_bundle) trusts that bundle
//   alone, as node does; the file is still read there (and without verification), for the warning.
// Run directly (node bin/aws-voiceid.js), node loads the file itself and nothing here happens.
import { readFileSync } from 'node:fs';
import type { SecureContext } from 'node:tls';
import { errorField } from '../errors.js';
import type { Io } from '../io.js';
import { linuxErrno } from '../values/py-os-error.js';

const DEFERRED = 'AWS_VOICEID_DEFERRED_EXTRA_CA_CERTS';

/**
 * At start: NODE_EXTRA_CA_CERTS back in `env` when the launcher deferred it (its private variable
 * removed); returns the deferred path, or undefined when node loaded the file itself (or none is set).
 */
export function restoreExtraCaCerts(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_EXTRA_CA_CERTS !== undefined || env[DEFERRED] === undefined) return undefined;
  const path = env[DEFERRED];
  delete env[DEFERRED];
  if (!path) return undefined;
  env.NODE_EXTRA_CA_CERTS = path;
  return path;
}

/** The deferred file, and where node's warning about it goes. */
export interface DeferredExtraCa {
  readonly path: string;
  readonly warn: (text: string) => void;
}

/** The Io's deferred file (none when node loaded it itself), the warning to the Io's stderr. */
export function deferredExtraCa(io: Pick<Io, 'deferredExtraCaCerts' | 'writeStderr'>): DeferredExtraCa | undefined {
  const path = io.deferredExtraCaCerts;
  return path === undefined ? undefined : { path, warn: (text) => io.writeStderr(text) };
}

/** TLS options to spread into a connection's (or an agent's) options. */
export interface DeferredTrust {
  readonly secureContext?: SecureContext;
}

interface Loaded {
  /** The file's certificates that node's bundled roots lack, as PEM. */
  readonly pems: readonly string[];
  /** Node's default store plus them, made at the first connection that needs it. */
  context?: SecureContext;
}

// One read per file and process, as node's one read at start-up (and one warning).
const loaded = new Map<string, Loaded>();

/**
 * What a TLS connection adds for the deferred file (nothing without one): with node's default
 * trust (`defaultStore`), a context of node's default store plus the file's certificates; with an
 * explicit CA or no verification, nothing, the file being read for node's warning only.
 */
export async function deferredTrust(extraCa: DeferredExtraCa | undefined, defaultStore: boolean): Promise<DeferredTrust> {
  if (!extraCa) return {};
  const tls = await import('node:tls');
  let entry = loaded.get(extraCa.path);
  if (!entry) {
    const { X509Certificate } = await import('node:crypto');
    const roots = bundledStore() ? rootKeys(tls.rootCertificates) : new Set<string>();
    const { pems, failure } = readExtraCerts(extraCa.path, roots, (bytes) => new X509Certificate(bytes).toString());
    if (failure !== undefined) extraCa.warn(`Warning: Ignoring extra certs from \`${extraCa.path}\`, load failed: ${failure}\n`);
    entry = { pems };
    loaded.set(extraCa.path, entry);
  }
  if (!defaultStore || entry.pems.length === 0) return {};
  entry.context ??= withExtraCerts(tls.createSecureContext(), entry.pems);
  return { secureContext: entry.context };
}

// A default context's store plus the certificates: node's own addCACert (what createSecureContext
// calls for each `ca`), which on a context of the default store starts a copy of node's store
// (its already parsed roots, or OpenSSL's store where node uses that) rather than an empty one.
// Cheaper than a `ca` list repeating node's roots, which node would parse again.
function withExtraCerts(context: SecureContext, pems: readonly string[]): SecureContext {
  (context.context as { addCACert(pem: string): void }).addCACert(pems.join(''));
  return context;
}

// Whether node's default store is its bundled roots (tls.rootCertificates), not OpenSSL's store
// (a build configured with --openssl-use-def-ca-store; the launcher leaves --use-openssl-ca to node).
function bundledStore(): boolean {
  const defines = (process.config.target_defaults as { defines?: unknown } | undefined)?.defines;
  return !(Array.isArray(defines) && defines.includes('NODE_OPENSSL_CERT_STORE'));
}

/** An https agent (keep-alive, as the SDK's own) that trusts what node would have, or undefined when node's default does. */
export async function deferredHttpsAgent(extraCa: DeferredExtraCa | undefined): Promise<import('node:https').Agent | undefined> {
  const trust = await deferredTrust(extraCa, true);
  if (!trust.secureContext) return undefined;
  const { Agent } = await import('node:https');
  return new Agent({ keepAlive: true, maxSockets: 50, ...trust });
}

/**
 * node's AddCertsFromFile (OpenSSL's PEM_read_bio_X509 in a loop): the certificates in order up to
 * the first unreadable one, and that failure's OpenSSL text. A plain copy of one of node's bundled
 * roots adds nothing and is not parsed again; any other block is parsed by OpenSSL (`parse`, from
 * its BEGIN line on, as the loop would read it).
 */
export function readExtraCerts(path: string, roots: ReadonlySet<string>, parse: (bytes: Uint8Array) => string): { pems: string[]; failure?: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    // fopen() opens a directory; reading it finds no certificate, and no error.
    if (errorField(error, 'code') === 'EISDIR') return { pems: [] };
    return { pems: [], failure: systemErrorText(error) };
  }
  const pems: string[] = [];
  for (const block of pemBlocks(bytes.toString('latin1'))) {
    if (block.name !== 'CERTIFICATE' && block.name !== 'X509 CERTIFICATE') continue;
    if (isCopyOfRoot(block, roots)) continue;
    if (failsSilently(block)) break;
    try {
      pems.push(parse(bytes.subarray(block.start)));
    } catch (error) {
      const code = errorField(error, 'code');
      if (code === 'ERR_OSSL_PEM_NO_START_LINE') break;
      return { pems, failure: error instanceof Error ? error.message : String(error) };
    }
  }
  return { pems };
}

interface PemBlock {
  readonly name: string;
  /** Offset of the BEGIN line. */
  readonly start: number;
  /** The lines between BEGIN and END, trailing whitespace stripped. */
  readonly body: readonly string[];
  /** The END line, trailing whitespace stripped; undefined when the file ends first. */
  readonly end: string | undefined;
}

// OpenSSL's get_name/get_header_and_data: a BEGIN line is `-----BEGIN <name>-----` once trailing
// bytes <= ' ' (a signed char: 0x80-0xff too) are stripped; the block runs to the next `-----END `.
function* pemBlocks(text: string): Generator<PemBlock> {
  let offset = 0;
  let open: { name: string; start: number; body: string[] } | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[\0-\x20\x80-\xff]+$/, '');
    if (!open) {
      const begin = /^-----BEGIN (.*)-----$/s.exec(line);
      if (begin) open = { name: begin[1] ?? '', start: offset, body: [] };
    } else if (line.startsWith('-----END ')) {
      yield { ...open, end: line };
      open = undefined;
    } else {
      open.body.push(line);
    }
    offset += raw.length + 1;
  }
  if (open) yield { ...open, end: undefined };
}

// A block OpenSSL reads as plain data (its END line matching, no header line with a colon, no
// blank line, which would switch on the encrypted blocks' line rules) whose base64 is a bundled root's.
function isCopyOfRoot(block: PemBlock, roots: ReadonlySet<string>): boolean {
  if (block.end !== `-----END ${block.name}-----` || block.body.length === 0) return false;
  return block.body.every((line) => /^[A-Za-z0-9+/=]{1,254}$/.test(line)) && roots.has(block.body.join(''));
}

// get_header_and_data after a blank line (the end of an encrypted block's headers): a line of
// more than 64 characters fails the read with no error queued, so node stops and warns of nothing.
// (A second blank line, or a line after a short one, is an error: OpenSSL words it.)
function failsSilently(block: PemBlock): boolean {
  let afterBlank = false;
  let short = false;
  for (const line of block.body) {
    if (line === '') {
      if (afterBlank) return false;
      afterBlank = true;
    } else if (short) {
      return false;
    } else if (afterBlank) {
      if (line.length > 64) return true;
      short = line.length < 64;
    }
  }
  return false;
}

/** The base64 content of each of node's bundled roots. */
export function rootKeys(rootCertificates: readonly string[]): Set<string> {
  return new Set(
    rootCertificates.map((pem) =>
      pem
        .split('\n')
        .filter((line) => line !== '' && !line.startsWith('-----'))
        .join(''),
    ),
  );
}

// OpenSSL's text for fopen()'s errno: `error:80000002:system library::No such file or directory`.
function systemErrorText(error: unknown): string {
  const known = linuxErrno(errorField(error, 'code'));
  if (!known) return error instanceof Error ? error.message : String(error);
  return `error:${(0x80000000 + known[0]).toString(16).toUpperCase()}:system library::${known[1]}`;
}
