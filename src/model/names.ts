// Name conversions, derived the way botocore/awscli derive them (xform_name), never hand-written:
// StartSpeakerEnrollmentJob -> start-speaker-enrollment-job, DataAccessRoleArn -> --data-access-role-arn.

/** botocore.xform_name with '-' as the separator. */
export function xformName(name: string, sep = '-'): string {
  if (name.includes(sep)) return name;
  let out = name;
  // botocore: _special_case_transform (ARNs, ACLs → -arns, -acls), then first_cap_regex and end_cap_regex.
  const special = /[A-Z]{2,}s$/.exec(out);
  if (special) out = `${out.slice(0, -special[0].length)}${sep}${special[0].toLowerCase()}`;
  out = out.replace(/(.)([A-Z][a-z]+)/g, `$1${sep}$2`);
  out = out.replace(/([a-z0-9])([A-Z])/g, `$1${sep}$2`);
  return out.toLowerCase();
}

/** The CLI option for a top-level input member: `DomainId` -> `--domain-id`. */
export function optionName(memberName: string): string {
  return `--${xformName(memberName)}`;
}

/** The CLI operation name: `StartSpeakerEnrollmentJob` -> `start-speaker-enrollment-job`. */
export function operationCliName(operationName: string): string {
  return xformName(operationName);
}
