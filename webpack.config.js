/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require("node:fs");
const path = require("node:path");
const crypto = require("node:crypto");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, sources } = require("webpack");
const { baseUrl, buildManifest } = require("./scripts/build/addinManifest.cjs");
const { BROWSER_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY } = require("./scripts/build/contentSecurityPolicy.cjs");

/*
 * Two compilations into dist/:
 * - the pane (taskpane, commands), for the browsers Office uses (ES2020);
 * - the custom functions, for the JavaScript-only runtime of Office 2021 and of Windows builds before 2403, which
 *   understands ECMAScript 2016 only: syntax compiled down, later built-ins polyfilled from core-js where used.
 * Production bundles carry a content hash in their name (a new release is never served from an old cache); the
 * HTML pages and the manifest point to them. The manifest is made by scripts/build/addinManifest.cjs.
 */

const parser = { syntax: "typescript", tsx: true };
const react = { react: { runtime: "automatic" } };
/** The oldest engine that knows all of ES2016 and nothing of ES2017 (Chrome 52): what the functions are built for. */
const ES2016_ENGINE = { chrome: "52" };

function htmlPage(filename, template, chunk, csp = CONTENT_SECURITY_POLICY) {
  return new HtmlWebpackPlugin({ filename, template, chunks: [chunk], templateParameters: { csp } });
}

/**
 * Emits manifest.xml with the functions' script as built (its hashed name). In production the functions' metadata
 * is emitted a second time under a name with its content hash, and the manifest names those copies: a client with
 * an old manifest then gets the old script with the old metadata, never the new metadata with the old script
 * (docs/it-betrieb.md, "Updates"). The unhashed files stay for manifests deployed before.
 */
class ManifestPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "ManifestPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const script = compilation.namedChunks.get("functions").files.values().next().value;
        let metadata;
        if (this.options.mode === "production") {
          const hashed = (name) => {
            const source = compilation.getAsset(name).source.source();
            const hash = crypto.createHash("sha256").update(source).digest("hex").slice(0, 12);
            const file = name.replace(/\.json$/, `.${hash}.json`);
            compilation.emitAsset(file, new sources.RawSource(source));
            return file;
          };
          metadata = { english: hashed("functions.json"), german: hashed("functions.de-DE.json") };
        }
        const template = fs.readFileSync(path.resolve(__dirname, "manifest.xml"), "utf8");
        const xml = buildManifest(template, { ...this.options, functionsScript: script, metadata });
        compilation.emitAsset("manifest.xml", new sources.RawSource(xml));
      });
    });
  }
}

module.exports = async (env = {}, options = {}) => {
  const mode = options.mode === "development" ? "development" : "production";
  const dev = mode === "development";
  // Refused before anything is built: a production manifest must name the address IT hosts the add-in at.
  const base = dev ? undefined : baseUrl(env.url ?? process.env.FALLBILANZ_URL);
  const version = JSON.parse(fs.readFileSync(path.resolve(__dirname, "package.json"), "utf8")).version;
  const out = path.resolve(__dirname, "dist");
  const filename = dev ? "[name].js" : "[name].[contenthash:12].js";
  // The browser page's worker is built into a folder of its own (a test build passes one, so that parallel builds
  // never share it); the dev server writes it there too, as the page's build reads it from disk.
  const workerOut = env.workerOut ?? path.resolve(__dirname, "build", "browser-worker");
  const common = {
    mode,
    devtool: dev ? "source-map" : false,
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    performance: { hints: false },
  };

  const pane = {
    ...common,
    name: "pane",
    entry: { taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" },
    output: { path: out, filename, clean: true },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "swc-loader", options: { jsc: { target: "es2020", parser, transform: react } } } }],
    },
    plugins: [
      htmlPage("taskpane.html", "./src/taskpane/taskpane.html", "taskpane"),
      htmlPage("commands.html", "./src/commands/commands.html", "commands"),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? require("./scripts/dev-certs").devCerts() : {} },
      static: { directory: out },
      devMiddleware: { writeToDisk: (file) => /manifest\.xml$/.test(file) || file.startsWith(workerOut) },
    },
  };

  const functions = {
    ...common,
    name: "functions",
    dependencies: ["pane"], // runs after the pane's build has cleaned dist/
    target: ["web", "es5"],
    entry: { functions: "./src/functions/functions.ts" },
    output: { path: out, filename, clean: false, environment: { arrowFunction: false, const: false, destructuring: false, forOf: false, optionalChaining: false, templateLiteral: false } },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "swc-loader", options: { env: { targets: ES2016_ENGINE, mode: "usage", coreJs: "3.47" }, jsc: { parser }, module: { type: "es6" } } },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      htmlPage("functions.html", "./src/functions/functions.html", "functions"),
      new CopyWebpackPlugin({ patterns: [{ from: "src/functions/functions.de-DE.json", to: "functions.de-DE.json" }] }),
      new ManifestPlugin({ mode, base, version }),
    ],
  };
  // The browser page's worker: the reader, the core and the writer in one script, built first and taken into the
  // page's on-demand chunk as text (src/browser/engine.ts runs it from a blob).
  const browserWorker = {
    ...common,
    name: "browserWorker",
    target: "webworker",
    entry: { worker: "./src/browser/worker.ts" },
    output: { path: workerOut, filename: "worker.js", publicPath: "", clean: true },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "swc-loader", options: { jsc: { target: "es2020", parser } } } }],
    },
  };

  const browser = {
    ...common,
    name: "browser",
    dependencies: ["pane", "browserWorker"], // after the pane's build has cleaned dist/, with the worker built
    entry: { browser: "./src/browser/index.tsx" },
    output: { path: out, filename, chunkFilename: dev ? "[name].js" : "[name].[contenthash:12].js", clean: false },
    resolve: { ...common.resolve, alias: { "fallbilanz-worker-source$": path.join(workerOut, "worker.js") } },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "swc-loader", options: { jsc: { target: "es2020", parser, transform: react } } } },
        { include: workerOut, type: "asset/source" },
      ],
    },
    plugins: [htmlPage("browser.html", "./src/browser/browser.html", "browser", BROWSER_CONTENT_SECURITY_POLICY)],
  };
  return [pane, functions, browserWorker, browser];
};
