// Types for scripts/chromium.mjs, so TypeScript code (the Playwright config) can import it.
export declare const CHROMIUM_ARGS: readonly string[];
export declare const INSTALL_HINT: string;
export declare function findChromium(): string | null;
