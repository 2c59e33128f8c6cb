/** A backup or restore failure whose message is meant for the operator as it is (the CLI prints it and exits non-zero). */
export class BackupError extends Error {}
