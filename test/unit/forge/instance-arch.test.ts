import { describe, expect, it } from "vitest";
import { instanceArchitecture } from "../../../app/agents/forge/catalog/instance-arch.js";

describe("instanceArchitecture", () => {
  it.each([
    ["m7g.xlarge", "arm64"],
    ["c6gn.large", "arm64"],
    ["r7gd.2xlarge", "arm64"],
    ["t4g.small", "arm64"],
    ["g5g.xlarge", "arm64"],
    ["m7i.large", "x86_64"],
    ["g5.xlarge", "x86_64"],
    ["g4dn.xlarge", "x86_64"],
    ["c7a.large", "x86_64"],
  ])("%s is %s", (type, arch) => {
    expect(instanceArchitecture(type)).toBe(arch);
  });
});
