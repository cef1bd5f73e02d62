/*
 * The add-in's two identities and how the built manifest is made from `manifest.xml`.
 *
 * `manifest.xml` in the repository is the development manifest, as it is sideloaded: localhost, its own Id, its
 * own function namespace (IKDEV), so that a developer's copy never clashes with the copy IT deploys (Office
 * registers functions of one namespace only once). A production build turns it into the manifest IT deploys:
 * the production Id, name and namespace IK, the hosting address, the hashed script of the functions. Every
 * build takes the manifest's version from package.json (an update reaches users only when the version rises).
 */

const DEV_URL = "https://localhost:3000/";

/** The two identities; one place for the Id, the name shown in Excel, and the functions' namespace. */
const IDENTITIES = {
  development: { id: "4acae1f7-01ea-4d03-ab56-c7257346118a", displayName: "Fallbilanz (Entwicklung)", namespace: "IKDEV" },
  production: { id: "acde3178-dc87-4ff0-baef-2e8d443fa4e1", displayName: "Fallbilanz", namespace: "IK" },
};

class BuildInputError extends Error {}

/**
 * The hosting address as a base URL ending in `/`, whether or not it was given with one. Only https: Office
 * loads add-ins over https alone.
 */
function baseUrl(address) {
  const text = String(address ?? "").trim();
  if (!text) {
    throw new BuildInputError(
      "Für den Produktions-Build fehlt die Adresse, unter der das Add-In liegt. Bitte angeben, z. B.: " +
        "FALLBILANZ_URL=https://intranet.example/fallbilanz/ npm run build",
    );
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new BuildInputError(`FALLBILANZ_URL „${text}“ ist keine gültige Adresse. Bitte eine vollständige https-Adresse angeben, z. B. https://intranet.example/fallbilanz/`);
  }
  if (url.protocol !== "https:") throw new BuildInputError(`FALLBILANZ_URL „${text}“ beginnt nicht mit https://. Office lädt Add-Ins nur über https.`);
  if (url.search || url.hash) throw new BuildInputError(`FALLBILANZ_URL „${text}“ enthält ? oder #. Bitte nur die Adresse des Ordners angeben.`);
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

/** "0.1.0" → "0.1.0.0": the manifest's version has four parts. */
function manifestVersion(packageVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(packageVersion);
  if (!m) throw new BuildInputError(`Die Version „${packageVersion}“ in package.json hat nicht die Form 1.2.3.`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

function replaceOnce(text, from, to) {
  if (!text.includes(from)) throw new Error(`manifest.xml: "${from}" not found`);
  return text.split(from).join(to);
}

/**
 * The built manifest.
 * @param {string} template the text of manifest.xml (the development manifest)
 * @param {{ mode: "development" | "production", base?: string, version: string, functionsScript: string, metadata?: { english: string, german: string } }} options
 */
function buildManifest(template, { mode, base, version, functionsScript, metadata }) {
  const dev = IDENTITIES.development;
  let xml = template.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  xml = replaceOnce(xml, `${DEV_URL}functions.js"`, `${DEV_URL}${functionsScript}"`);
  if (metadata) {
    xml = replaceOnce(xml, `${DEV_URL}functions.json"`, `${DEV_URL}${metadata.english}"`);
    xml = replaceOnce(xml, `${DEV_URL}functions.de-DE.json"`, `${DEV_URL}${metadata.german}"`);
  }
  if (mode !== "production") return xml;
  xml = xml.replace(/<!--[\s\S]*?-->\n?/g, "");
  const prod = IDENTITIES.production;
  const url = baseUrl(base);
  xml = replaceOnce(xml, `<Id>${dev.id}</Id>`, `<Id>${prod.id}</Id>`);
  xml = replaceOnce(xml, `<DisplayName DefaultValue="${dev.displayName}"/>`, `<DisplayName DefaultValue="${prod.displayName}"/>`);
  xml = replaceOnce(xml, `id="Functions.Namespace" DefaultValue="${dev.namespace}"`, `id="Functions.Namespace" DefaultValue="${prod.namespace}"`);
  xml = xml.split(DEV_URL).join(url).split(`<AppDomain>${DEV_URL.slice(0, -1)}</AppDomain>`).join(`<AppDomain>${new URL(url).origin}</AppDomain>`);
  return xml;
}

module.exports = { DEV_URL, IDENTITIES, BuildInputError, baseUrl, manifestVersion, buildManifest };
