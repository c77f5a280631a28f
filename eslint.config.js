import js from "@eslint/js";
import tseslint from "typescript-eslint";

const kebabCase = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+)*$/;

/** Enforces kebab-case file names, as the style guide asks. */
const fileNameRule = {
  meta: { type: "suggestion", schema: [] },
  create(context) {
    const base = context.filename.split(/[\\/]/).pop() ?? "";
    return {
      Program(node) {
        if (!kebabCase.test(base)) {
          context.report({ node, message: `File name "${base}" is not kebab-case.` });
        }
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: ["node_modules/", "actions/*/dist/", "coverage/", "out/", "build/", "**/generated/"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { local: { rules: { "kebab-case-file": fileNameRule } } },
    rules: {
      "local/kebab-case-file": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error",
    },
  },
  {
    files: ["app/agents/**", "app/render/**", "app/format/**", "app/contracts/**", "app/conductor/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            "fs",
            "node:fs",
            "fs/promises",
            "node:fs/promises",
            "process",
            "node:process",
            "probot",
            "@slack/web-api",
            "child_process",
            "node:child_process",
          ],
          patterns: [
            { group: ["@octokit/*", "@actions/*", "**/handlers/**", "**/cli/**"] },
            {
              group: ["**/platform/**"],
              allowTypeImports: true,
              message: "The core may use the Platform interface's types, never an implementation.",
            },
          ],
        },
      ],
      "no-restricted-globals": ["error", "process"],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: "Pure code takes the clock as an argument.",
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "Pure code takes the clock as an argument.",
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: "Pure code is deterministic.",
        },
      ],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    files: ["bin/**", "scripts/**", "bench/**", "app/cli/**", "actions/*/src/**"],
    rules: { "no-console": "off" },
  },
);
