#!/bin/sh
# Records the help pages of the reference AWS CLI (/usr/bin/aws, v2.9.19) into fixtures/help/, the
# bytes its help renderer writes (groff -m man -T ascii, overstrike included) through PAGER=cat.
# Needs groff; no network and no credentials: a scratch HOME, metadata lookups disabled.
#
#   sh scripts/record-help.sh
#
# help-start-speaker-enrollment-job.{groff-ascii,plain}.txt are copies of the captures in
# ../shared/spec/fixtures; this script checks that the reference still prints the first one.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/fixtures/help"
aws=${AWS_REFERENCE:-/usr/bin/aws}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$out" "$scratch/home"

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

record voice-id-help.groff-ascii.txt voice-id
record aws-help.groff-ascii.txt
# Other operations of the model whose arguments all come from the model (no pagination).
record help-describe-speaker-enrollment-job.groff-ascii.txt voice-id describe-speaker-enrollment-job
record help-create-domain.groff-ascii.txt voice-id create-domain
record help-describe-domain.groff-ascii.txt voice-id describe-domain

record reference-check.tmp voice-id start-speaker-enrollment-job
if cmp -s "$out/reference-check.tmp" "$out/help-start-speaker-enrollment-job.groff-ascii.txt"; then
  echo "help-start-speaker-enrollment-job.groff-ascii.txt matches the reference"
else
  echo "warning: the reference's start-speaker-enrollment-job help differs from fixtures/help" >&2
fi
rm -f "$out/reference-check.tmp"
