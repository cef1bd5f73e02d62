/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/src"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript", tsx: true }, transform: { react: { runtime: "automatic" } } } }],
  },
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/tests/setup/officeAddinManifestStub.ts" },
  setupFiles: ["<rootDir>/tests/setup/customFunctions.ts", "<rootDir>/tests/setup/jsdom.ts"],
  testTimeout: 60000,
};
