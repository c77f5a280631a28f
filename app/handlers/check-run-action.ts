import type { ConductorDeps } from "../runtime/deps.js";
import { CONDUCTOR_CHECK } from "../render/conductor-check.js";
import { runCommand, type CommandRequest } from "./pr-command.js";

const ACTIONS = new Set<CommandRequest["name"]>(["approve", "plan", "rollback", "unlock"]);

/**
 * A click on one of the Conductor check run's buttons: the same command, through the same gate, for the commit the
 * check run is on (a click on an old commit's check approves nothing newer).
 */
export async function handleCheckRunAction(
  deps: ConductorDeps,
  input: {
    checkName: string;
    identifier: string;
    prNumber?: number;
    login: string;
    isBot: boolean;
    deliveryId: string;
    /** The commit the check run (and so the clicked button) is on. */
    headSha: string;
    defaultBranch?: string;
  },
): Promise<string> {
  if (input.checkName !== CONDUCTOR_CHECK) return "ignored: not the Conductor check";
  if (!ACTIONS.has(input.identifier as CommandRequest["name"]))
    return `ignored: unknown action ${input.identifier}`;
  if (input.prNumber === undefined) return "ignored: no pull request";
  const pr = await deps.platform.getPullRequest(input.prNumber);
  const outcome = await runCommand(
    deps,
    pr,
    {
      name: input.identifier as CommandRequest["name"],
      login: input.login,
      isBot: input.isBot,
      eventId: `check:${input.deliveryId}`,
      via: "check-run",
      sha: input.headSha,
    },
    input.defaultBranch,
  );
  return outcome ? `ran ${input.identifier}` : "ignored: not an Infracrew PR";
}
