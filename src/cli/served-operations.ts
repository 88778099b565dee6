// Which operations of the model this CLI serves: the one place that picks them. Everything else
// gets its operation as a value (resolved here from argv's name). Every operation of the selected
// generation's model is served (issue 16). Pure.
import type { Operation, ServiceModel } from '../model/service-model.js';
import { operationCliName } from '../model/names.js';

/** The operations of `model` this CLI serves, in model order: all of them. */
export function servedOperations(model: ServiceModel): Operation[] {
  return model.operationNames.map((name) => model.operation(name));
}

/** The served operation whose CLI name is `cliName` (`start-speaker-enrollment-job`), if any. */
export function servedOperation(model: ServiceModel, cliName: string): Operation | undefined {
  // By name first: only the one operation is built.
  const name = model.operationNames.find((candidate) => operationCliName(candidate) === cliName);
  return name === undefined ? undefined : model.operation(name);
}
