/**
 * Slack's settings from the App's environment. Without a bot token there is no review message; without a signing
 * secret, no endpoints. The Slack identity map lives here too, never in the governed repository: a repository writer
 * who could edit it would map their own Slack id to an admin's login.
 */
export interface SlackConfig {
  readonly botToken?: string;
  readonly signingSecret?: string;
  /** Slack user id to GitHub login (INFRACREW_SLACK_USERS: `U024BE7LH=alice,U0G9QF9C6=bob`). */
  readonly users: Readonly<Record<string, string>>;
}

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;

/** Reads INFRACREW_SLACK_USERS; a malformed entry throws with its position, so the App does not start half-set. */
export function parseSlackUsers(text: string): Record<string, string> {
  const users: Record<string, string> = {};
  const entries = text
    .split(/[,\n]/)
    .map((e) => e.trim())
    .filter((e) => e !== "");
  entries.forEach((entry, i) => {
    const [id = "", login = "", ...rest] = entry.split("=").map((p) => p.trim());
    if (rest.length > 0 || !SLACK_USER.test(id) || !GITHUB_LOGIN.test(login))
      throw new Error(
        `INFRACREW_SLACK_USERS entry ${i + 1} is not <Slack user id>=<GitHub login> (e.g. U024BE7LH=alice)`,
      );
    if (users[id] !== undefined && users[id] !== login)
      throw new Error(`INFRACREW_SLACK_USERS maps ${id} twice (to ${users[id]} and ${login})`);
    users[id] = login;
  });
  return users;
}

export function slackConfigFromEnv(env: Readonly<Record<string, string | undefined>>): SlackConfig {
  const pick = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const botToken = pick("SLACK_BOT_TOKEN");
  const signingSecret = pick("SLACK_SIGNING_SECRET");
  return {
    ...(botToken ? { botToken } : {}),
    ...(signingSecret ? { signingSecret } : {}),
    users: parseSlackUsers(pick("INFRACREW_SLACK_USERS") ?? ""),
  };
}
