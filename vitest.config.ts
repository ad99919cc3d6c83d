import { defineConfig } from 'vitest/config';

// Unit tests run in node with no DOM; browser flows live in tests/e2e (Playwright).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
  },
});
