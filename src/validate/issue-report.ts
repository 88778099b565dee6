// ValidationIssue[] → botocore's wording: "Parameter validation failed:" and one line per issue.
import type { ValidationIssue } from './validate.js';
import { pyStr, pyTypeStr } from '../values/py-repr.js';

/** The full message, e.g. `Parameter validation failed:\nMissing required parameter in input: "DomainId"`. */
export function reportIssues(issues: readonly ValidationIssue[]): string {
  return ['Parameter validation failed:', ...issues.map(issueLine)].join('\n');
}

/**
 * The line after the issues for unknown members that Voice ID's final model has; `setting` is
 * what selects that model.
 * @example compatHint(['WatchlistIds'], 'AWS_VOICEID_COMPAT=2.36.7') // 'Note: AWS_VOICEID_COMPAT=2.36.7 (Voice ID\'s final model) accepts "WatchlistIds".'
 */
export function compatHint(names: readonly string[], setting: string): string {
  return `Note: ${setting} (Voice ID's final model) accepts ${names.map((name) => `"${name}"`).join(', ')}.`;
}

function issueLine(issue: ValidationIssue): string {
  const name = displayName(issue.path);
  switch (issue.kind) {
    case 'missing':
      return `Missing required parameter in ${name}: "${issue.member}"`;
    case 'unknown':
      return `Unknown parameter in ${name}: "${issue.key}", must be one of: ${issue.validNames.join(', ')}`;
    case 'type':
      return `Invalid type for parameter ${name}, value: ${pyStr(issue.value)}, type: ${pyTypeStr(issue.value)}, valid types: ${issue.validTypes.join(', ')}`;
    case 'length':
      return `Invalid length for parameter ${name}, value: ${issue.length}, valid min length: ${issue.min}`;
    case 'range':
      return `Invalid value for parameter ${name}, value: ${pyStr(issue.value)}, valid min value: ${issue.min}`;
  }
}

// botocore ValidationErrors._get_name
function displayName(path: string): string {
  if (!path) return 'input';
  return path.startsWith('.') ? path.slice(1) : path;
}
