/** Slack's settings from the environment. Without a bot token there is no review message; without a signing secret, no endpoints. */
export interface SlackConfig {
  readonly botToken?: string;
  readonly signingSecret?: string;
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
  };
}
