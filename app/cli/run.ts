import { nodeIo } from "./io.js";
import { main } from "./main.js";

/** The process entry of the infracrew command (bin/infracrew.js loads it, bundled or from source). */
process.exitCode = await main(process.argv.slice(2), nodeIo());
