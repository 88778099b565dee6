// Extracts the part of the official Voice ID service model (2021-09-27) that this project
// uses into src/model/voice-id.json: StartSpeakerEnrollmentJob (the CLI's operation), the
// operations the local endpoint serves, every shape they reach, and the names of all
// operations (for the CLI's "Invalid choice" list). Run it only to refresh the model:
//   node scripts/extract-model.mjs [path/to/service-2.json]
// Source: botocore's data in Debian's awscli 2.9.19 package, Apache-2.0, (c) Amazon.com, Inc.
import { readFileSync, writeFileSync } from 'node:fs';

const SOURCE = process.argv[2] ?? '/usr/lib/python3/dist-packages/awscli/botocore/data/voice-id/2021-09-27/service-2.json';
const OPERATIONS = ['StartSpeakerEnrollmentJob', 'DescribeSpeakerEnrollmentJob', 'ListSpeakerEnrollmentJobs', 'CreateDomain', 'DescribeDomain', 'ListDomains'];

const full = JSON.parse(readFileSync(SOURCE, 'utf8'));
const shapes = {};
function reach(name) {
  if (shapes[name]) return;
  const shape = full.shapes[name];
  shapes[name] = shape;
  for (const member of Object.values(shape.members ?? {})) reach(member.shape);
  for (const key of ['member', 'key', 'value']) if (shape[key]) reach(shape[key].shape);
}
const operations = {};
for (const name of OPERATIONS) {
  const op = full.operations[name];
  operations[name] = op;
  if (op.input) reach(op.input.shape);
  if (op.output) reach(op.output.shape);
  for (const error of op.errors ?? []) reach(error.shape);
}
const sortedShapes = Object.fromEntries(
  Object.keys(shapes)
    .sort()
    .map((k) => [k, shapes[k]]),
);
const out = {
  source: 'botocore service model voice-id/2021-09-27/service-2.json, as shipped in Debian awscli 2.9.19 (/usr/lib/python3/dist-packages/awscli/botocore/data)',
  license: 'Apache-2.0, Copyright Amazon.com, Inc. or its affiliates. Extracted by scripts/extract-model.mjs; shapes and documentation are unchanged.',
  metadata: full.metadata,
  operationNames: Object.keys(full.operations),
  operations,
  shapes: sortedShapes,
};
writeFileSync(new URL('../src/model/voice-id.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
console.log(`wrote ${Object.keys(operations).length} operations, ${Object.keys(sortedShapes).length} shapes`);
