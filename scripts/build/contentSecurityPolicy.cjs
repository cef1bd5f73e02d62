/*
 * The add-in's Content-Security-Policy: its pages load their own files and Office.js from Microsoft's CDN, and
 * connect nowhere else. Written into every built HTML page as a meta tag; the server examples in deploy/ send the
 * same text as a header (a test checks that they agree). Styles are allowed inline because Fluent UI (Griffel)
 * inserts its style rules at run time.
 */
const OFFICE_CDN = "https://appsforoffice.microsoft.com";

const DIRECTIVES = [
  ["default-src", "'self'"],
  ["script-src", `'self' ${OFFICE_CDN}`],
  ["style-src", "'self' 'unsafe-inline'"],
  ["img-src", "'self' data:"],
  ["font-src", "'self' data:"],
  ["connect-src", `'self' ${OFFICE_CDN}`],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
];

/** A policy's text from its directives, in their order. */
const policyOf = (directives) => directives.map(([name, value]) => `${name} ${value}`).join("; ");

const CONTENT_SECURITY_POLICY = policyOf(DIRECTIVES);

/*
 * The browser page's policy (browser.html): no request at all beyond its own scripts and styles. `connect-src
 * 'none'` forbids every fetch; the worker is made from a blob (`worker-src blob:`), so it inherits this policy
 * wherever the page is hosted; the review is offered for download from a blob address, which is no request.
 */
const BROWSER_DIRECTIVES = [
  ["default-src", "'none'"],
  ["script-src", "'self'"],
  ["worker-src", "blob:"],
  ["style-src", "'self' 'unsafe-inline'"],
  ["img-src", "'self' data:"],
  ["font-src", "'self' data:"],
  ["connect-src", "'none'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
];

const BROWSER_CONTENT_SECURITY_POLICY = policyOf(BROWSER_DIRECTIVES);

module.exports = { OFFICE_CDN, CONTENT_SECURITY_POLICY, BROWSER_CONTENT_SECURITY_POLICY };
