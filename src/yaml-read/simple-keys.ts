// The scanner's possible simple keys (ruamel.yaml 0.17.21 scanner.py): per flow level, where a key
// not introduced by '?' may have started. PyYAML limits such a key to one line and 1024 characters;
// a key that must be one (at the block indentation) and goes stale is an error.
import { yamlError, type YamlInputError } from './errors.js';
import type { YamlReader } from './reader.js';

export interface SimpleKey {
  readonly tokenNumber: number;
  readonly required: boolean;
  readonly index: number;
  readonly line: number;
  readonly column: number;
}

function missingColon(): YamlInputError {
  return yamlError("while scanning a simple key: could not find expected ':'");
}

export class PossibleSimpleKeys {
  private readonly keys = new Map<number, SimpleKey>();
  // Caches that only save time: the reader index of the last stale check, and the nearest key.
  private staleCheckedAt = -1;
  private nearestKey: number | null | undefined;

  get(level: number): SimpleKey | undefined {
    return this.keys.get(level);
  }

  set(level: number, key: SimpleKey): void {
    this.keys.set(level, key);
    this.nearestKey = undefined;
  }

  delete(level: number): void {
    this.keys.delete(level);
    this.nearestKey = undefined;
  }

  /** remove_possible_simple_key: drops the key of `level`, which must not be required. */
  remove(level: number): void {
    const key = this.keys.get(level);
    if (key === undefined) return;
    if (key.required) throw missingColon();
    this.delete(level);
  }

  /** next_possible_simple_key: the token number of the earliest key, or null. */
  nearest(): number | null {
    if (this.nearestKey === undefined) {
      let min: number | null = null;
      for (const key of this.keys.values()) if (min === null || key.tokenNumber < min) min = key.tokenNumber;
      this.nearestKey = min;
    }
    return this.nearestKey;
  }

  /** stale_possible_simple_keys: drops keys the reader has left behind (another line, > 1024). */
  dropStale(reader: YamlReader): void {
    // Keys only go stale as the reader moves (keys saved since were saved where it stands).
    if (reader.index === this.staleCheckedAt) return;
    for (const [level, key] of this.keys) {
      if (key.line !== reader.line || reader.index - key.index > 1024) {
        if (key.required) throw missingColon();
        this.delete(level);
      }
    }
    this.staleCheckedAt = reader.index;
  }

  clear(): void {
    this.keys.clear();
    this.nearestKey = undefined;
  }
}
