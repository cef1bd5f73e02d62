/** Exit codes of the command line, in one place. */
export enum ExitCode {
  Ok = 0,
  /** A bug: something the product should have handled. */
  Internal = 1,
  /** Unusable input or arguments: the German message on stderr says what to fix. */
  BadInput = 2,
}
