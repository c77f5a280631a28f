/** An EC2 instance type's CPU architecture, from its family: Graviton families carry a `g` after the generation. */
export function instanceArchitecture(instanceType: string): "arm64" | "x86_64" {
  return /^[a-z]+[0-9]+g[a-z]*\./.test(instanceType) ? "arm64" : "x86_64";
}
