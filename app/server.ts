/** `npm start`: runs the app with Probot's standard environment (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST, GHE_PROTOCOL, LOG_LEVEL, PORT). */
import { run } from "probot";
import app from "./index.js";

await run(app);
