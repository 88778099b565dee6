// Step 11 of the reference: botocore's client-side validation (exit 252, every issue at once),
// or, with parameter_validation = false, the serializer's crash on an unknown member.
import type { Settings } from '../config/settings.js';
import { GeneralError, ParamError } from '../errors.js';
import type { Operation } from '../model/service-model.js';
import type { PyDict } from '../values/py-value.js';
import { pyRepr } from '../values/py-repr.js';
import { reportIssues } from './issue-report.js';
import { firstUnknownMember, validate } from './validate.js';

/** Validates `request` against `operation`'s input. */
export function checkParameters(operation: Operation, request: PyDict, settings: Settings): void {
  if (settings.parameterValidation) {
    const issues = validate(request, operation.input);
    if (issues.length > 0) throw new ParamError('PARAM_VALIDATION', reportIssues(issues));
    return;
  }
  // AWS CLI quirk: with parameter_validation = false an unknown member crashes botocore's serializer.
  const unknown = firstUnknownMember(request, operation.input);
  if (unknown !== undefined) throw new GeneralError('PYTHON_CRASH', pyRepr(unknown));
}
