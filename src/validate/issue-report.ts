// ValidationIssue[] → botocore's wording: "Parameter validation failed:" and one line per issue.
import type { ValidationIssue } from './validate.js';
import { pyStr, pyTypeStr } from '../values/py-repr.js';

/** The full message, e.g. `Parameter validation failed:\nMissing required parameter in input: "DomainId"`. */
export function reportIssues(issues: readonly ValidationIssue[]): string {
  return ['Parameter validation failed:', ...issues.map(issueLine)].join('\n');
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
