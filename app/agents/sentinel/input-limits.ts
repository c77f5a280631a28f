/**
 * The largest tool output or plan Sentinel reads: a plan of 10,000 resource changes is some 20 MiB of JSON,
 * and a scanner's report of such a stack is of the same order.
 */
export const TOOL_OUTPUT_BYTES = 256 * 1024 * 1024;
