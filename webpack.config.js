/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
/** Where the add-in is hosted in production; the built manifest gets this URL instead of the dev URL. */
const PROD_URL = process.env.FALLBILANZ_URL || "https://www.contoso.com/fallbilanz/";

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const swc = { loader: "swc-loader", options: { jsc: { target: "es2020", parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } } } } };
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      commands: "./src/commands/commands.ts",
    },
    output: { path: path.resolve(__dirname, "dist"), filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: swc }],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "functions.html", template: "./src/functions/functions.html", chunks: ["functions"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/functions/functions.de-DE.json", to: "functions.de-DE.json" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform: (content) =>
              dev ? content : content.toString().split(DEV_URL).join(PROD_URL).split(DEV_URL.slice(0, -1)).join(new URL(PROD_URL).origin),
          },
        ],
      }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_SERVE ? require("./scripts/dev-certs").devCerts() : {} },
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
};
