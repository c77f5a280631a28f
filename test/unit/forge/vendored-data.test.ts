import { describe, expect, it } from "vitest";
import { MODULES } from "../../../app/agents/forge/modules/index.js";
import { readDocPage } from "../../../scripts/vendor-resource-interfaces.js";
import { readSchema } from "../../../scripts/vendor-resource-schema.js";
import { readRepoFile } from "../../support/repo-files.js";

describe("vendored interface data", () => {
  it("lists every pinned module in the modules README exactly as its JSON says", () => {
    const readme = readRepoFile("app/agents/forge/modules/README.md");
    for (const [name, module] of Object.entries(MODULES)) {
      const file = `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}.json`;
      const providers = Object.entries(module.providers)
        .map(([p, v]) => `${p} ${v}`)
        .join(", ");
      expect(readme).toContain(
        `| \`${file}\` | \`${module.source}\` | ${module.version} | ${module.commit.slice(0, 12)} | ${module.requiredVersion} | ${providers} |`,
      );
    }
  });

  it("pins every module to an exact version and records its tag's commit", () => {
    for (const module of Object.values(MODULES)) {
      expect(module.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(module.commit).toMatch(/^[0-9a-f]{40}$/);
    }
  });

  it("reads a provider documentation page's arguments, blocks and attributes", () => {
    const page = [
      "## Argument Reference",
      "",
      "* `name` - (Required) The name.",
      "* `setting` - (Optional) A block. See below.",
      "* `rule_json` (Optional) No dash before the marker.",
      "",
      "### `setting` Block",
      "",
      "* `value` - (Required) A value.",
      "",
      "### filter Configuration Block",
      "",
      "* `values` - (Optional) Values.",
      "",
      "## Attribute Reference",
      "",
      "* `arn` - The ARN.",
    ].join("\n");
    expect(readDocPage(page)).toEqual({
      args: [
        { name: "name", required: true },
        { name: "rule_json", required: false },
        { name: "setting", required: false },
      ],
      blocks: { filter: [{ name: "values", required: false }], setting: [{ name: "value", required: true }] },
      attributes: ["arn"],
    });
  });
  it("reads a provider schema's arguments, nested blocks and attributes from the prebuilt bindings", () => {
    const link = (name: string): string =>
      `    * Docs at Terraform Registry: {@link https://registry.terraform.io/providers/hashicorp/aws/6.66.0/docs/resources/kinesis_stream#${name} KinesisStream#${name}}`;
    const dts = [
      "export interface KinesisStreamConfig extends cdktn.TerraformMetaArguments {",
      link("name"),
      "    readonly name: string;",
      link("shard_count"),
      "    readonly shardCount?: number;",
      link("stream_mode_details"),
      "    readonly streamModeDetails?: KinesisStreamStreamModeDetails;",
      link("timeouts"),
      "    readonly timeouts?: KinesisStreamTimeouts;",
      "}",
      "export interface KinesisStreamStreamModeDetails {",
      link("stream_mode"),
      "    readonly streamMode: string;",
      "}",
      "export interface KinesisStreamTimeouts {",
      link("create"),
      "    readonly create?: string;",
      "}",
      "export declare class KinesisStream extends cdktn.TerraformResource {",
      "}",
    ].join("\n");
    const js =
      "class KinesisStream extends cdktn.TerraformResource { get arn() { return this.getStringAttribute('arn'); } get name() { return this.getStringAttribute('name'); } }";
    expect(readSchema(dts, js)).toEqual({
      args: [
        { name: "name", required: true },
        { name: "shard_count", required: false },
        { name: "stream_mode_details", required: false },
        { name: "timeouts", required: false },
      ],
      blocks: { stream_mode_details: [{ name: "stream_mode", required: true }] },
      attributes: ["arn", "name"],
    });
  });
});
