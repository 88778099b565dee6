// Step 11 of the reference: botocore's client-side validation (exit 252, every issue at once),
// or, with parameter_validation = false, the crash of botocore's serializer on what it cannot walk. Before the
// final generation, an unknown member that Voice ID's final model has gets one more line, which
// says which generation accepts it.
import type { Settings } from '../config/settings.js';
import { GeneralError, ParamError } from '../errors.js';
import { ENV_COMPAT, FINAL_GENERATION } from '../model/generation.js';
import type { Operation, ServiceModel } from '../model/service-model.js';
import type { PyDict } from '../values/py-value.js';
import { compatHint, reportIssues } from './issue-report.js';
import { serializerCrash, validate, type ValidationIssue } from './validate.js';

/**
 * Validates `request` against `operation`'s input. `finalModel`: Voice ID's final model, given
 * when `operation` comes from an older one; it is loaded only for a request with unknown members.
 */
export async function checkParameters(operation: Operation, request: PyDict, settings: Settings, finalModel?: () => Promise<ServiceModel>): Promise<void> {
  if (settings.parameterValidation) {
    const issues = validate(request, operation.input);
    if (issues.length === 0) return;
    const newer = finalModel && issues.some((issue) => issue.kind === 'unknown') ? finalOnly(request, issues, operation, await finalModel()) : [];
    const hint = newer.length > 0 ? [compatHint(newer, `${ENV_COMPAT}=${FINAL_GENERATION}`)] : [];
    throw new ParamError('PARAM_VALIDATION', [reportIssues(issues), ...hint].join('\n'));
  }
  // AWS CLI quirk: with parameter_validation = false what validation would refuse can crash
  // botocore's serializer (an unknown member, a structure given as a string, ...).
  const crash = serializerCrash(request, operation.input);
  if (crash !== undefined) throw new GeneralError('PYTHON_CRASH', crash);
}

// The unknown members of `issues` that the final model knows: those it does not report unknown at
// the same place (both models' validations of the same request, compared).
function finalOnly(request: PyDict, issues: readonly ValidationIssue[], operation: Operation, finalModel: ServiceModel): string[] {
  if (!finalModel.hasOperation(operation.name)) return [];
  const place = (issue: ValidationIssue): string | undefined => (issue.kind === 'unknown' ? `${issue.path}\0${issue.key}` : undefined);
  const stillUnknown = new Set(validate(request, finalModel.operation(operation.name).input).map(place));
  const names = issues.flatMap((issue) => (issue.kind === 'unknown' && !stillUnknown.has(place(issue)) ? [issue.key] : []));
  return [...new Set(names)];
}
