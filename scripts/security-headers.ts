/**
 * The page's security policy, in one place: the built page carries it as a `<meta>` tag (vite.config.ts), the
 * preview server sends it as HTTP headers (vite.config.ts), and static hosts get it from `public/_headers`
 * (copied to `dist/_headers`; docs/security-headers.md shows the same for nginx, Apache and others). A unit test
 * keeps the three equal.
 *
 * Strict: no inline or eval'd script, no inline style (React and MapLibre set styles through the DOM, which the
 * policy allows), nothing from other origins, and the page may not be framed.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
] as const;

/** The policy for the `<meta>` tag: browsers ignore `frame-ancestors` there (and warn about it). */
export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

/**
 * The HTTP headers: the policy with `frame-ancestors 'none'` (which only a header can set, and which, unlike the
 * meta tag, also covers the workers' scripts), and the usual companions.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
};
