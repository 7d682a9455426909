// Types for cache.mjs (shared by setup.mjs, run.mjs and the TypeScript suites).
export declare const CODE_SERVER_VERSION: string;
export declare const PLAYWRIGHT_VERSION: string;
export declare function cacheDir(): string;
export declare function markerFile(dir?: string): string;
export declare function codeServerEntry(dir?: string): string;
export declare function playwrightModule(dir?: string): string;
export declare function isReady(dir?: string): boolean;
