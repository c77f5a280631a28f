/** A secondary-region component's id: its primary twin's id and `-secondary` (network-secondary, db-secondary…). */
export function twin(id: string): string {
  return `${id}-secondary`;
}
