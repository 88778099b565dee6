// The result of carrying out a job's requests: the output file and the records to commit with the
// job's end, or the failure of the whole job.

export interface Failure {
  readonly StatusCode: number;
  readonly Message: string;
}

export type Outcome =
  | {
      readonly output: Readonly<Record<string, unknown>>;
      readonly changes: readonly import('../state.js').Change[];
      readonly errorCount: number;
      readonly failure?: undefined;
    }
  | { readonly failure: Failure };
