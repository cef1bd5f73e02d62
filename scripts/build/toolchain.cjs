/*
 * Which Node.js and npm the build needs, checked before anything is built or installed: npm honours
 * `allowScripts` in package.json (no install scripts of other packages) from 11.16 on; an older npm would run
 * them. Refused in one German line (exit 2). Used by `npm run build`, by the tests' runner, and through
 * `engines` + `engine-strict` (.npmrc) by `npm ci` itself.
 */
const NODE_MIN = [20, 0, 0];
const NPM_MIN = [11, 16, 0];

const parse = (text) => {
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(String(text ?? ""));
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
};
const atLeast = (v, min) => v[0] !== min[0] ? v[0] > min[0] : v[1] !== min[1] ? v[1] > min[1] : v[2] >= min[2];
const shown = (v) => v.join(".");

/** The problem with this toolchain in German, or undefined. `userAgent` is npm's `npm_config_user_agent`. */
function toolchainProblem(nodeVersion, userAgent) {
  const node = parse(nodeVersion);
  if (!node || !atLeast(node, NODE_MIN)) {
    return `Fallbilanz braucht Node.js ${NODE_MIN[0]} oder neuer (gefunden: ${nodeVersion}). Bitte eine aktuelle LTS-Version von Node.js installieren.`;
  }
  const npmMatch = /\bnpm\/(\S+)/.exec(String(userAgent ?? ""));
  if (!npmMatch) return undefined; // not started through npm (node scripts/build/build.cjs): nothing to say about npm
  const npm = parse(npmMatch[1]);
  if (!npm || !atLeast(npm, NPM_MIN)) {
    return (
      `Fallbilanz braucht npm ${shown(NPM_MIN)} oder neuer (gefunden: ${npmMatch[1]}): erst ab dieser Version beachtet npm „allowScripts“ ` +
      `und führt keine Installationsskripte fremder Pakete aus. Bitte \`npm install -g npm@11\` ausführen und dann \`npm ci\` erneut.`
    );
  }
  return undefined;
}

/** Ends the process with the German line (exit 2) when this process's Node.js or npm is too old. */
function refuseOldToolchain() {
  const problem = toolchainProblem(process.version, process.env.npm_config_user_agent);
  if (problem) {
    process.stderr.write(`${problem}\n`);
    process.exit(2);
  }
}

module.exports = { toolchainProblem, refuseOldToolchain, NODE_MIN, NPM_MIN };

if (require.main === module) refuseOldToolchain();
