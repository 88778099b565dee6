// Which operations of the model this CLI serves: the one place that picks them. Everything else
// gets its operation as a value (resolved here from argv's name), so serving another one is a
// change of this list only (issue 16 serves them all). Pure.
import type { Operation, ServiceModel } from '../model/service-model.js';

/** The model names of the operations served. */
const SERVED: readonly string[] = ['StartSpeakerEnrollmentJob', 'DescribeSpeakerEnrollmentJob'];

/** The operations of `model` this CLI serves, in model order. */
export function servedOperations(model: ServiceModel): Operation[] {
  return model.operationNames.filter((name) => SERVED.includes(name)).map((name) => model.operation(name));
}

/** The served operation whose CLI name is `cliName` (`start-speaker-enrollment-job`), if any. */
export function servedOperation(model: ServiceModel, cliName: string): Operation | undefined {
  return servedOperations(model).find((operation) => operation.cliName === cliName);
}
