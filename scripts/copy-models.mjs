// Copies the two Voice ID service models (2021-09-27) the CLI follows into src/model/, whole
// (every operation, shape and documentation string, unchanged), each with its paginators and a
// note of its source and license: src/model/voice-id-2.9.19.json from Debian's awscli 2.9.19 and
// src/model/voice-id-2.36.7.json, the final model, from AWS CLI v2.36.7 (../shared/oracle/).
// Run it only to refresh the models:
//   node scripts/copy-models.mjs [--check]
// --check exits 1 when a copy in src/model/ differs from what its source gives (nothing is written).
// Source: botocore's data (Apache-2.0, (c) Amazon.com, Inc. or its affiliates).
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const MODELS = [
  {
    generation: '2.9.19',
    dir: '/usr/lib/python3/dist-packages/awscli/botocore/data/voice-id/2021-09-27',
    shipped: "Debian's awscli 2.9.19 package (/usr/lib/python3/dist-packages/awscli/botocore/data)",
  },
  {
    generation: '2.36.7',
    dir: new URL('../shared/oracle/awscli-2.36.7/awscli/botocore/data/voice-id/2021-09-27', root).pathname,
    shipped: 'AWS CLI v2.36.7 (aws/aws-cli, branch v2, July 2026; awscli/botocore/data), the last release with Voice ID',
  },
];

const check = process.argv.includes('--check');
let stale = 0;
for (const { generation, dir, shipped } of MODELS) {
  const service = JSON.parse(readFileSync(`${dir}/service-2.json`, 'utf8'));
  const paginators = JSON.parse(readFileSync(`${dir}/paginators-1.json`, 'utf8'));
  const out = {
    source: `botocore service model voice-id/2021-09-27/service-2.json and paginators-1.json, as shipped in ${shipped}`,
    license: 'Apache-2.0, Copyright Amazon.com, Inc. or its affiliates. Copied by scripts/copy-models.mjs; operations, shapes and documentation are unchanged.',
    ...service,
    paginators: paginators.pagination,
  };
  const target = new URL(`src/model/voice-id-${generation}.json`, root);
  const text = `${JSON.stringify(out, null, 2)}\n`;
  if (check) {
    let current = '';
    try {
      current = readFileSync(target, 'utf8');
    } catch {
      current = '';
    }
    if (current !== text) {
      console.error(`copy-models: ${target.pathname} differs from ${dir}`);
      stale += 1;
    }
    continue;
  }
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}: ${Object.keys(service.operations).length} operations, ${Object.keys(service.shapes).length} shapes`);
}
process.exitCode = stale > 0 ? 1 : 0;
