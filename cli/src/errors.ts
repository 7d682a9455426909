// Errors that end the CLI with exit code 2 before anything is written: UsageError also prints the usage.
export class UsageError extends Error {}
export class CliError extends Error {}
