#!/bin/sh
# Makes a copy of the AWS CLI v2.36.7 oracle (a source tree) that can render help pages, in DEST,
# and prints the path of its launcher. A source tree has no awscli/examples/global_options.rst and
# global_synopsis.rst (the CLI's build makes them); the copy gets both, written by the tree's own
# clidocs.GlobalOptionsDocumenter as the build does. Needs Debian's awscli package (python3 modules).
#
#   aws=$(sh scripts/oracle-with-help.sh /tmp/oracle-help)
#   npx tsx scripts/record-fixtures.ts --aws "$aws" fixtures/cases-2.36.7/help.json
#
# ORACLE overrides the launcher to copy (default ../shared/oracle/awscli-2.36.7/bin/aws-2.36.7).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:?usage: sh scripts/oracle-with-help.sh DEST}
oracle=${ORACLE:-$root/../shared/oracle/awscli-2.36.7/bin/aws-2.36.7}
tree=$(cd "$(dirname "$oracle")/.." && pwd)
rm -rf "$dest"
mkdir -p "$dest"
cp -R "$tree/." "$dest/"
aws="$dest/bin/$(basename "$oracle")"
mkdir -p "$dest/awscli/examples"
# The launcher's own stubs (between its awscrt imports and runpy), then the build's step.
{
  echo 'import sys'
  sed -n '/^import awscrt/,/^import runpy/p' "$aws" | grep -v '^import runpy'
  cat <<PY
sys.path.insert(0, '$dest')
from awscli.clidocs import GlobalOptionsDocumenter
from awscli.clidriver import create_clidriver
driver = create_clidriver()
for name, method in (('global_options.rst', 'doc_global_options'), ('global_synopsis.rst', 'doc_global_synopsis')):
    with open('$dest/awscli/examples/' + name, 'w') as f:
        f.write(getattr(GlobalOptionsDocumenter(driver.create_help_command()), method)())
PY
} >"$dest/.gen-global-docs.py"
scratch=$(mktemp -d)
HOME="$scratch" AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$scratch/none" /usr/bin/python3 "$dest/.gen-global-docs.py"
rm -rf "$scratch" "$dest/.gen-global-docs.py"
echo "$aws"
