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

const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join("; ");

module.exports = { OFFICE_CDN, CONTENT_SECURITY_POLICY };
