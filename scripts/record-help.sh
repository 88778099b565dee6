#!/bin/sh
# Records the help pages of the reference AWS CLI into fixtures/help/, the bytes its help renderer
# writes (groff -m man -T ascii, overstrike included) through PAGER=cat. Needs groff; no network
# and no credentials: a scratch HOME, metadata lookups disabled.
#
#   sh scripts/record-help.sh            # AWS CLI v2.9.19, /usr/bin/aws (or $AWS_REFERENCE)
#   sh scripts/record-help.sh 2.36.7     # AWS CLI v2.36.7 run from source ($AWS_REFERENCE_2_36_7,
#                                        # default ../shared/oracle/awscli-2.36.7/bin/aws-2.36.7)
#
# A source tree of the CLI cannot render help (no awscli/examples/global_*.rst), so for 2.36.7
# scripts/oracle-with-help.sh makes a copy that can, in a scratch folder.
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
  aws=$(ORACLE=${AWS_REFERENCE_2_36_7:-$root/../shared/oracle/awscli-2.36.7/bin/aws-2.36.7} sh "$root/scripts/oracle-with-help.sh" "$scratch/cli")
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
