#!/bin/sh
# Records the help pages of the reference AWS CLI into fixtures/help/, the bytes its help renderer
# writes (groff -m man -T ascii, overstrike included) through PAGER=cat. Needs groff; no network
# and no credentials: a scratch HOME, metadata lookups disabled.
#
#   sh scripts/record-help.sh            # AWS CLI v2.9.19, /usr/bin/aws (or $AWS_REFERENCE)
#   sh scripts/record-help.sh 2.36.7     # AWS CLI v2.36.7 run from source ($AWS_REFERENCE_2_36_7,
#                                        # default ../shared/oracle/awscli-2.36.7/bin/aws-2.36.7)
#
# A source tree of the CLI has no awscli/examples/global_{options,synopsis}.rst (its build makes
# them), so for 2.36.7 the tree is copied to a scratch folder and given the two files, made by its
# own clidocs.GlobalOptionsDocumenter, as the build does.
#
# help-start-speaker-enrollment-job.{groff-ascii,plain}.txt are copies of the captures in
# ../shared/spec/fixtures; this script checks that the reference still prints the first one.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/fixtures/help"
generation=${1:-2.9.19}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$out" "$scratch/home"

case $generation in
2.9.19)
  aws=${AWS_REFERENCE:-/usr/bin/aws}
  suffix=
  ;;
2.36.7)
  oracle=${AWS_REFERENCE_2_36_7:-$root/../shared/oracle/awscli-2.36.7/bin/aws-2.36.7}
  tree=$(cd "$(dirname "$oracle")/.." && pwd)
  cp -R "$tree" "$scratch/cli"
  aws="$scratch/cli/bin/$(basename "$oracle")"
  mkdir -p "$scratch/cli/awscli/examples"
  # The launcher's own stubs, then the build's step.
  sed -n '/^import awscrt/,/^import runpy/p' "$aws" | grep -v '^import runpy' >"$scratch/gen.py"
  cat >>"$scratch/gen.py" <<PY
sys.path.insert(0, '$scratch/cli')
from awscli.clidocs import GlobalOptionsDocumenter
from awscli.clidriver import create_clidriver
driver = create_clidriver()
for name, method in (('global_options.rst', 'doc_global_options'), ('global_synopsis.rst', 'doc_global_synopsis')):
    with open('$scratch/cli/awscli/examples/' + name, 'w') as f:
        f.write(getattr(GlobalOptionsDocumenter(driver.create_help_command()), method)())
PY
  (cd "$scratch" && HOME="$scratch/home" AWS_EC2_METADATA_DISABLED=true /usr/bin/python3 -c "import sys; exec(open('gen.py').read())")
  suffix=-2.36.7
  ;;
*)
  echo "usage: sh scripts/record-help.sh [2.9.19|2.36.7]" >&2
  exit 2
  ;;
esac

record() {
  file=$1
  shift
  env -i PATH=/usr/bin:/bin HOME="$scratch/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC \
    AWS_EC2_METADATA_DISABLED=true PAGER=cat \
    AWS_CONFIG_FILE="$scratch/missing-config" AWS_SHARED_CREDENTIALS_FILE="$scratch/missing-credentials" \
    "$aws" "$@" help >"$scratch/$file"
  mv "$scratch/$file" "$out/$file"
  echo "recorded $file"
}

record "voice-id-help$suffix.groff-ascii.txt" voice-id
record "aws-help$suffix.groff-ascii.txt"
# Other operations of the model whose arguments all come from the model (no pagination).
record "help-describe-speaker-enrollment-job$suffix.groff-ascii.txt" voice-id describe-speaker-enrollment-job
record "help-create-domain$suffix.groff-ascii.txt" voice-id create-domain
record "help-describe-domain$suffix.groff-ascii.txt" voice-id describe-domain

if [ -n "$suffix" ]; then
  record "help-start-speaker-enrollment-job$suffix.groff-ascii.txt" voice-id start-speaker-enrollment-job
  # An operation only the final model has.
  record "help-create-watchlist$suffix.groff-ascii.txt" voice-id create-watchlist
  exit 0
fi
record reference-check.tmp voice-id start-speaker-enrollment-job
if cmp -s "$out/reference-check.tmp" "$out/help-start-speaker-enrollment-job.groff-ascii.txt"; then
  echo "help-start-speaker-enrollment-job.groff-ascii.txt matches the reference"
else
  echo "warning: the reference's start-speaker-enrollment-job help differs from fixtures/help" >&2
fi
rm -f "$out/reference-check.tmp"
