import { realToolkit } from "../../forge-common/src/real-toolkit.js";
import { run } from "./runner.js";

await run(realToolkit());
