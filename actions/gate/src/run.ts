import { realToolkit } from "./real-toolkit.js";
import { run } from "./runner.js";

await run(realToolkit());
