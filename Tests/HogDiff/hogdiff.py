"""Differential test: hogctl's Hog parser against PostHog's (`hogql-parser`) over a corpus.

Compares accept/reject for every program, and for programs both reject, the error's line and column.
Usage: hogdiff.py --parser "hogctl hog parse --jsonl -" [--generated N] [--seed S] [--max-disagreements K]
"""

import argparse
import json
import multiprocessing
import os
import pathlib
import re
import shlex
import subprocess
import sys

import yaml

import posthog_oracle
from generator import Generator

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent


def split_corpus_file(path):
    """A corpus file holds programs separated by lines of `=====`; `#! template` marks a template."""
    text = path.read_text(encoding="utf-8")
    for index, chunk in enumerate(text.split("\n=====\n")):
        template = chunk.startswith("#! template\n")
        if template:
            chunk = chunk[len("#! template\n"):]
        yield f"{path.relative_to(ROOT)}#{index + 1}", chunk, template


def hand_written():
    for path in sorted((HERE / "corpus").glob("*.hog")):
        yield from split_corpus_file(path)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads hogctl manifests, whose `!file`, `!env` and `!input` tags stand for plain values here."""


def _construct_any(loader, suffix, node):
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_scalar(node)


_AnyTagLoader.add_multi_constructor("!", _construct_any)


def _string_leaves(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _string_leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _string_leaves(item)


def _manifest_programs(label, value):
    if isinstance(value, dict):
        if isinstance(value.get("hog"), str):
            yield f"{label} hog", value["hog"], False
        if value.get("templating") == "hog" and "value" in value:
            for n, text in enumerate(_string_leaves(value["value"])):
                yield f"{label} template {n + 1}", text, True
        for key, item in value.items():
            if key != "hog":
                yield from _manifest_programs(label, item)
    elif isinstance(value, list):
        for item in value:
            yield from _manifest_programs(label, item)


def repository_programs():
    """Every hog program and hog template in the repository's examples and test fixtures, except
    files over 20,000 characters (PostHog's parser is too slow on them for a routine run)."""
    for base in ["examples", "Tests"]:
        for path in sorted((ROOT / base).rglob("*")):
            if "HogDiff" in path.parts or not path.is_file() or path.stat().st_size > 20_000:
                continue
            label = str(path.relative_to(ROOT))
            if path.suffix == ".hog":
                yield label, path.read_text(encoding="utf-8"), False
            elif path.suffix in (".yaml", ".yml"):
                text = path.read_text(encoding="utf-8", errors="replace")
                if re.search(r"&\w", text):
                    continue  # YAML anchors: the fixtures that use them are alias bombs
                try:
                    documents = list(yaml.load_all(text, Loader=_AnyTagLoader))
                except (yaml.YAMLError, RecursionError):
                    continue
                for document in documents:
                    yield from _manifest_programs(label, document)


def run_hogctl(command, cases):
    lines = [json.dumps({"source": source, "template": template}) for _, source, template in cases]
    result = subprocess.run(shlex.split(command), input="\n".join(lines) + "\n", capture_output=True,
                            text=True, check=True)
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def _oracle(case):
    source, template = case
    return posthog_oracle.parse(source, template=template)


def compare(name, cases, command, show, log):
    ours = run_hogctl(command, cases)
    assert len(ours) == len(cases), f"hogctl answered {len(ours)} of {len(cases)} programs"
    agree = same_line = same_column = both_reject = 0
    disagreements = []
    with multiprocessing.Pool(min(2, os.cpu_count() or 1)) as pool:
        verdicts = pool.map(_oracle, [(source, template) for _, source, template in cases], chunksize=64)
    for (label, source, template), mine, theirs in zip(cases, ours, verdicts):
        if mine["ok"] == theirs.ok:
            agree += 1
            if not theirs.ok and theirs.line is not None:
                both_reject += 1
                same_line += mine.get("line") == theirs.line
                same_column += mine.get("line") == theirs.line and mine.get("column") == theirs.column
        else:
            disagreements.append((label, source, mine, theirs))
    total = len(cases)
    print(f"{name}: {agree}/{total} agree on accept/reject ({100.0 * agree / max(total, 1):.3f}%); "
          f"of {both_reject} both reject with a position, same line {same_line}, same line and column {same_column}")
    for label, source, mine, theirs in disagreements[:show]:
        print(f"  DISAGREE {label}: hogctl {'accepts' if mine['ok'] else 'rejects'}"
              f"{'' if mine['ok'] else ' at %s:%s (%s)' % (mine['line'], mine['column'], mine['message'])}; "
              f"PostHog {'accepts' if theirs.ok else 'rejects'}"
              f"{'' if theirs.ok else ' at %s:%s (%s)' % (theirs.line, theirs.column, theirs.message[:80])}")
        print("    " + json.dumps(source)[:300])
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            for label, source, mine, theirs in disagreements:
                handle.write(json.dumps({"label": label, "source": source, "hogctl": mine, "posthog": theirs.ok,
                                         "posthog_line": theirs.line, "posthog_message": theirs.message}) + "\n")
    return agree, total, [label for label, _, _, _ in disagreements]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parser", default=str(ROOT / ".build/debug/hogctl") + " hog parse --jsonl -")
    parser.add_argument("--generated", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=24)
    parser.add_argument("--show", type=int, default=20)
    parser.add_argument("--log")
    arguments = parser.parse_args()

    known = {line.strip() for line in (HERE / "known-disagreements.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")}
    fixed = list(hand_written()) + list(repository_programs())
    agree, total, labels = compare("hand-written and repository corpus", fixed, arguments.parser, 1000, arguments.log)
    unexpected = [label for label in labels if label not in known]
    print(f"known disagreements (docs/hog.md): {len(known)}; new: {len(unexpected)} {unexpected if unexpected else ''}")
    failed = bool(unexpected)
    if arguments.generated:
        generator = Generator(arguments.seed)
        generated = [(f"generated#{n}", source, False) for n, source in enumerate(generator.corpus(arguments.generated))]
        gen_agree, gen_total = 0, 0
        for start in range(0, len(generated), 20_000):
            a, t, _ = compare(f"generated {start}-{start + 20_000}", generated[start:start + 20_000], arguments.parser,
                           arguments.show, arguments.log)
            gen_agree += a
            gen_total += t
        print(f"generated (seed {arguments.seed}): {gen_agree}/{gen_total} agree "
              f"({100.0 * gen_agree / max(gen_total, 1):.3f}%; at least 99.9% required)")
        failed = failed or gen_agree < 0.999 * gen_total
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
