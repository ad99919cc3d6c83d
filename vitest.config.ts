import { defineConfig } from 'vitest/config';

// Unit tests run in node with no DOM; browser flows live in tests/e2e (Playwright).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Timeouts catch hangs, not slowness: the gate runs on a shared 2-core machine that is often busy,
    // where a test that takes 1 s alone can take ten times that. Speed is measured by the benchmarks.
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
