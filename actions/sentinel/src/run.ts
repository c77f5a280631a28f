import { githubToolkit } from "./github-toolkit.js";
import { run } from "./runner.js";

await run(githubToolkit());
