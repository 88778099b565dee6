// Types of scripts/code-caches.mjs, for the tests that use it.
export declare const cliFiles: (dir: string) => string[];
export declare const CACHE_CHECK: string;
export declare function rejectCache(file: string): void;
