import type { DesignBlocked } from "../contracts/generated/index.js";

/** What a person reads on stderr when Atlas blocks a design: the clashes, and the changes that unblock. */
export function blockedSummary(command: string, blocked: DesignBlocked): string {
  const lines = [`infracrew ${command}: design blocked for ${blocked.goalRef.name}`];
  for (const reason of blocked.reasons) lines.push(`  ✗ ${reason.message} [${reason.code}]`);
  lines.push("  To unblock, any one of:");
  for (const suggestion of blocked.suggestions) lines.push(`  → ${suggestion.message}`);
  return `${lines.join("\n")}\n`;
}
