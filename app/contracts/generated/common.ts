// Generated from schemas/ by scripts/gen-types.ts. Do not edit; run `npm run gen`.
/**
 * Definitions shared by every Infracrew artifact.
 */
export interface Common {
  [k: string]: unknown;
}
