/** A VPC range another goal of the repository holds: Atlas keeps a new stack's range clear of it. */
export interface TakenCidr {
  readonly cidr: string;
  /** The goal's name. */
  readonly goal: string;
  /** The goal's issue. */
  readonly issue: number;
}
