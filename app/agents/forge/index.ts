/** Forge: PlanSpec → Terraform. The renderer, the check that runs before it, and the names it shares. */
export { checkPlanSpecForRender, RENDERED_KINDS } from "./check-plan-spec.js";
export { renderStack, type RenderedFile, type RenderedStack, type RenderOptions } from "./render-stack.js";
export { joinSafePath, sanitizeName, terraformLabel } from "./names.js";
export {
  checkInterfaces,
  type InterfaceRegistry,
  type ParsedTerraformFile,
} from "./interfaces/check-interfaces.js";
export { MODULE_LIST, MODULES } from "./modules/index.js";
export { RESOURCE_LIST, RESOURCES } from "./resources/index.js";
