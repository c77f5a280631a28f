#!/usr/bin/env node
import { register } from "tsx/esm/api";

register();
const { main } = await import("../app/cli/main.ts");
const { nodeIo } = await import("../app/cli/io.ts");
process.exitCode = await main(process.argv.slice(2), nodeIo());
