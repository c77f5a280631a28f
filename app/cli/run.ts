import { setFlagsFromString } from "node:v8";
import { nodeIo } from "./io.js";
import { main } from "./main.js";

// HashiCorp's HCL parser is a large Go WebAssembly module that parses a few small files per run: optimising it
// in the background (V8's TurboFan tier) costs more than a second of a short command's two cores, and gains
// nothing it would notice. Set before the module is compiled.
setFlagsFromString("--liftoff-only");

/** The process entry of the infracrew command (bin/infracrew.js loads it, bundled or from source). */
process.exitCode = await main(process.argv.slice(2), nodeIo());
