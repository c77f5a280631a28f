import { describe, expect, it } from "vitest";
import { RENDERED_KINDS } from "../../../app/agents/forge/index.js";
import { main } from "../../../app/cli/main.js";
import { fakeIo } from "../../support/fake-io.js";
import { readRepoFile } from "../../support/repo-files.js";

const WORKER = "schemas/examples/plan-spec-invoice-worker.json";
const workerSpec = (): Record<string, unknown> => JSON.parse(readRepoFile(WORKER)) as Record<string, unknown>;

describe("infracrew render", () => {
  it("writes the stack under --out, exactly as the golden copy, and lists each file", async () => {
    const io = fakeIo();
    expect(await main(["render", WORKER, "--out", "out"], io)).toBe(0);
    const written = [...io.written.keys()].sort();
    expect(written).toEqual(
      [
        "README.md",
        "backend.tf",
        "invoices.tf",
        "jobs.tf",
        "main.tf",
        "network.tf",
        "outputs.tf",
        "planspec.json",
        "providers.tf",
        "variables.tf",
        "versions.tf",
        "worker.tf",
      ].map((f) => `out/infra/invoice-worker/${f}`),
    );
    for (const file of written) {
      expect(io.written.get(file)).toBe(
        readRepoFile("test/golden/forge/invoice-worker", file.replace(/^out\//, "")),
      );
    }
    expect(io.out()).toBe(written.map((f) => `wrote ${f}\n`).join(""));
    expect(io.err()).toBe("");
  });

  it("takes the state backend and Terraform version from --policy", async () => {
    const io = fakeIo();
    expect(
      await main(["render", WORKER, "--out=repo", "--policy", "schemas/examples/infracrew.yml"], io),
    ).toBe(0);
    const backend = io.written.get("repo/infra/invoice-worker/backend.tf") as string;
    expect(backend).toContain('bucket       = "acme-terraform-state"');
    expect(backend).toContain('key          = "infracrew/invoice-worker/terraform.tfstate"');
  });

  it("reads .github/infracrew.yml when no --policy is named, as infracrew plan does", async () => {
    const policy = "terraform:\n  backend:\n    type: s3\n    bucket: acme-state\n    region: eu-west-1\n";
    const io = fakeIo({ files: { ".github/infracrew.yml": policy } });
    expect(await main(["render", WORKER, "--out", "o"], io)).toBe(0);
    expect(io.written.get("o/infra/invoice-worker/backend.tf")).toContain('bucket       = "acme-state"');
  });

  it.each([
    [
      "an invalid PlanSpec",
      { "bad.json": JSON.stringify({ ...workerSpec(), region: "mars-1" }) },
      ["render", "bad.json", "--out", "o"],
      'bad.json: region: must be an AWS region code such as eu-west-1 (got "mars-1")\n',
    ],
    [
      "a terraform.dir that climbs out of --out",
      { "hostile.json": JSON.stringify({ ...workerSpec(), terraform: { dir: "../../etc" } }) },
      ["render", "hostile.json", "--out", "o"],
      'hostile.json: terraform.dir: must be a relative path of letters, digits, dashes and underscores, with no .. and no leading / (got "../../etc")\n',
    ],
    [
      "a stack name that is a path",
      { "name.json": JSON.stringify({ ...workerSpec(), name: "../../etc" }) },
      ["render", "name.json", "--out", "o"],
      'name.json: name: must be 3 to 40 lowercase letters, digits or dashes, starting with a letter and not ending with a dash (got "../../etc")\n',
    ],
    [
      "an absolute terraform.dir",
      { "abs.json": JSON.stringify({ ...workerSpec(), terraform: { dir: "/etc/cron.d" } }) },
      ["render", "abs.json", "--out", "o"],
      'abs.json: terraform.dir: must be a relative path of letters, digits, dashes and underscores, with no .. and no leading / (got "/etc/cron.d")\n',
    ],
    [
      "a PlanSpec Forge cannot render",
      {
        "fn.json": JSON.stringify({
          ...workerSpec(),
          components: [{ id: "fn", kind: "secret", params: {}, dependsOn: [], rationale: "r" }],
        }),
      },
      ["render", "fn.json", "--out", "o"],
      `fn.json: components[0].kind: Forge v0 does not render secret components yet (it renders ${RENDERED_KINDS.join(", ")})\n`,
    ],
    [
      "another kind of artifact",
      {},
      ["render", "schemas/examples/goal-worker.json", "--out", "o"],
      "schemas/examples/goal-worker.json: kind: must be PlanSpec to render (got GoalStatement)\n",
    ],
    [
      "a missing --out",
      {},
      ["render", WORKER],
      `infracrew render: --out: is required: the directory to write the stack under (usage: infracrew render <planspec.json> --out <dir> [--policy <infracrew.yml>])\n`,
    ],
    [
      "an unknown option",
      {},
      ["render", WORKER, "--out", "o", "--force"],
      "infracrew render: --force: is not an option of infracrew render\n",
    ],
    [
      "two PlanSpecs",
      {},
      ["render", WORKER, WORKER, "--out", "o"],
      "infracrew render: name one PlanSpec file (usage: infracrew render <planspec.json> --out <dir> [--policy <infracrew.yml>])\n",
    ],
    ["a missing file", {}, ["render", "nope.json", "--out", "o"], "nope.json: no such file\n"],
    [
      "an --out that is a file",
      {},
      ["render", WORKER, "--out", "package.json"],
      "infracrew render: --out: must be a directory, and package.json is a file\n",
    ],
    [
      "an --out under a file",
      { "o/stack": "not a directory" },
      ["render", WORKER, "--out", "o/stack/deeper"],
      "infracrew render: --out: must be a directory, and o/stack is a file\n",
    ],
    [
      "an invalid policy",
      { "p.yml": "terraform:\n  root: ../up\n" },
      ["render", WORKER, "--out", "o", "--policy", "p.yml"],
      'p.yml: terraform.root: must be a relative path of letters, digits, dashes and underscores, with no .. and no leading / (got "../up")\n',
    ],
  ])("exits 2 and writes nothing for %s", async (_name, files, args, message) => {
    const io = fakeIo({ files });
    expect(await main(args, io)).toBe(2);
    expect(io.err()).toBe(message);
    expect(io.written.size).toBe(0);
  });

  it("is listed in the help", async () => {
    const io = fakeIo();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.out()).toContain("render    Render a PlanSpec to its Terraform stack (Forge)");
  });
});
