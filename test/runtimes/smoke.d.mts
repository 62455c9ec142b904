/** The names of the smoke test's checks, in order. */
export declare const CHECKS: string[];

/** Runs every check against the package's exports; returns the names of the checks, or throws. */
export declare function smoke(api: typeof import('../../src/index.ts')): Promise<string[]>;
