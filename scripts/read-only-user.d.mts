// Types of scripts/read-only-user.mjs, for the tests that use it.
export declare const NOBODY: number;
export declare const asRoot: boolean;
export declare const asRunner: (command: string, args: readonly string[]) => [string, string[]];
export declare function listing(dir: string): string[];
