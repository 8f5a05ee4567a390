#!/usr/bin/env bash
# Prove that CI goes red: break the project seven ways, each on a scratch branch in a throwaway
# worktree, and run the part of .ci/run's checks that must catch it. Each case must FAIL; the
# script exits non-zero if any breakage slips through.
#
#   bash scripts/prove_red.sh            # uses .venv/bin (README's test command made it)
#
# Not part of .ci/run (it rebuilds the site several times); run it after changing the checks.
set -uo pipefail
top=$(git rev-parse --show-toplevel)
bin=${LLMSIZE_BIN:-$top/.venv/bin}
export NO_MKDOCS_2_WARNING=1
slipped=0

case_run() {  # name, breakage (shell, run in the worktree), check (shell, run in the worktree)
  local name=$1 breakage=$2 check=$3 tree
  tree=$(mktemp -d)/tree
  git -C "$top" worktree add -q -b "scratch/break-$name-$$" "$tree" HEAD
  (cd "$tree" && ln -s "$top/node_modules" node_modules && eval "$breakage" \
    && git -c user.name=ci -c user.email=ci@localhost commit -qam "break: $name")
  printf '\n==> %s: %s\n' "$name" "$check"
  # PYTHONPATH puts the scratch tree's library ahead of the editable install of main's.
  if (cd "$tree" && PYTHONPATH="$tree/src:$tree" PATH="$bin:$PATH" eval "$check" \
      >"$tree.log" 2>&1); then
    printf 'NOT CAUGHT: %s\n' "$name"
    slipped=1
  else
    printf 'red, as it must be:\n'
    grep -E "FAILED|Error|error|Aborted|WARNING|broken|no file|no id" "$tree.log" | head -n 4 | sed 's/^/    /'
  fi
  git -C "$top" worktree remove --force "$tree"
  git -C "$top" branch -q -D "scratch/break-$name-$$"
}

case_run raising-snippet \
  'printf "\nraise RuntimeError(\"boom\")\n" >> docs/snippets/home/figures.py' \
  'pytest -q -p no:cacheprovider docs/index.md docs/index.zh.md tests/site/test_build.py'

case_run changed-formula \
  "sed -i 's/return size \* (2 if spec.norm == \"layernorm\" else 1)/return size/' src/llmsize/count.py" \
  'pytest -q -p no:cacheprovider tests/test_oracle.py docs/parameters.md'

case_run missing-chinese-page \
  'git rm -q docs/glossary.zh.md' \
  'pytest -q -p no:cacheprovider tests/docs/test_parity.py'

case_run broken-internal-link \
  'printf "\nSee [the cache](memory.md#no-such-anchor).\n" >> docs/compute.md' \
  'mkdocs build --strict -d "$(mktemp -d)"'

case_run raw-html-broken-link \
  'printf "\nSee <a href=\"../no-such-page/\">this</a>.\n" >> docs/compute.md' \
  'site=$(mktemp -d) && mkdocs build --strict -d "$site" && python -m tests.docs.site_links "$site"'

case_run zh-fence-passes-en \
  "sed -i '0,/\"zh\")/s//\"en\")/' docs/index.zh.md" \
  'pytest -q -p no:cacheprovider tests/docs/test_parity.py'

case_run typed-number \
  'printf "\nGPT-3 has 175 billion parameters.\n" >> docs/compute.md' \
  'pytest -q -p no:cacheprovider tests/docs/test_typed_numbers.py'

if [ "$slipped" -ne 0 ]; then
  echo "some breakage was NOT caught"
  exit 1
fi
echo
echo "all seven breakages turned the checks red"
