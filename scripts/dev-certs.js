/* Certificates for the HTTPS dev server, without sudo: the ones office-addin-dev-certs installed
 * (~/.office-addin-dev-certs) when present, else a self-signed pair made with openssl in .certs/ (git-ignored). */
const { existsSync, mkdirSync, readFileSync } = require("node:fs");
const { execFileSync } = require("node:child_process");
const { homedir } = require("node:os");
const { join } = require("node:path");

function devCerts() {
  const installed = join(homedir(), ".office-addin-dev-certs");
  if (existsSync(join(installed, "localhost.key")) && existsSync(join(installed, "localhost.crt"))) {
    return { key: readFileSync(join(installed, "localhost.key")), cert: readFileSync(join(installed, "localhost.crt")), ca: readFileSync(join(installed, "ca.crt")) };
  }
  const dir = join(__dirname, "..", ".certs");
  const key = join(dir, "localhost.key");
  const cert = join(dir, "localhost.crt");
  if (!existsSync(key) || !existsSync(cert)) {
    mkdirSync(dir, { recursive: true });
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "365", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert], { stdio: "ignore" });
  }
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

module.exports = { devCerts };
