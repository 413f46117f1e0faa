"""Keeps schemas/*.schema.json, the examples and hogctl's Swift validator in step.

An independent validator (Python's jsonschema) checks that the schemas are valid draft 2020-12 and
documented, that every example validates, and that the schemas reject every invalid fixture
`Tests/ManifestsTests/Fixtures/invalid/*/expected.json` marks `"schema_rejects": true` at the
same line and column the Swift validator reports.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from manifest_yaml import ManifestLoader, ManifestValidator, PlainInt, error_positions, load_manifest

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
FUNCTION_SCHEMA = SCHEMAS / "hog-function.schema.json"
SETTINGS_SCHEMA = SCHEMAS / "hogctl.schema.json"
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "Tests" / "ManifestsTests" / "Fixtures"
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")
HOGCTL_VERSION = re.search(
    r'static let current = "(.*)"', (ROOT / "Sources/HogctlCore/HogctlVersion.swift").read_text(encoding="utf-8")
).group(1)
# The templates the emulator ships; examples use no others so they run against it.
BUILT_IN_TEMPLATES = {"template-webhook", "template-slack", "template-drop-events"}


def load_schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def schema_for(manifest: Path) -> Path:
    return SETTINGS_SCHEMA if manifest.name == "hogctl.yaml" else FUNCTION_SCHEMA


def schema_errors(manifest: Path) -> list[tuple[str, set[tuple[int, int]]]]:
    """Every schema error in every document of `manifest`, as (message, positions)."""
    validator = ManifestValidator(load_schema(schema_for(manifest)))
    found = []
    for document in load_manifest(manifest).documents:
        for error in validator.iter_errors(document.data):
            found.append((error.message, error_positions(error, document.node)))
    return found


def yaml_files(directory: Path) -> list[Path]:
    files = [*directory.rglob("*.yaml"), *directory.rglob("*.yml")]
    visible = [f for f in files if not any(part.startswith(".") for part in f.relative_to(directory).parts)]
    return sorted(visible)


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


# Reading YAML as hogctl does


def test_loader_reads_plain_scalars_by_yaml_1_2_core():
    text = "a: no\nb: on\nc: yes\nd: true\ne: 0123\nf: 1.0\ng: ~\nh: 2024-01-01\ni: False\n"
    data = yaml.load(text, Loader=ManifestLoader)
    assert data == {
        "a": "no", "b": "on", "c": "yes", "d": True, "e": 123,
        "f": 1.0, "g": None, "h": "2024-01-01", "i": False,
    }
    assert isinstance(data["e"], PlainInt) and data["e"].text == "0123"


def test_loader_maps_tags_to_what_the_schema_sees():
    text = "a: !env SECRET\nb: !file code.hog\nc: !input {value: '{event}', templating: hog}\n"
    assert yaml.load(text, Loader=ManifestLoader) == {
        "a": "SECRET",
        "b": "code.hog",
        "c": {"value": "{event}", "templating": "hog"},
    }


def test_plain_numbers_are_text_where_a_string_is_expected_but_booleans_are_not():
    validator = ManifestValidator({"type": "string", "pattern": "^0"})
    read = lambda text: yaml.load(text, Loader=ManifestLoader)
    assert validator.is_valid(read("0123"))
    assert not validator.is_valid(read("123"))  # the pattern sees the text written
    assert not validator.is_valid(read("true"))
    assert not ManifestValidator({"type": "integer"}).is_valid(read("1.0"))


# The schemas themselves


@pytest.mark.parametrize("schema_path", [FUNCTION_SCHEMA, SETTINGS_SCHEMA], ids=lambda p: p.name)
def test_schema_is_valid_draft_2020_12(schema_path: Path):
    schema = load_schema(schema_path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


NAMED_SUBSCHEMAS = ("properties", "$defs", "patternProperties")
SUBSCHEMA = ("items", "additionalProperties", "if", "then", "else", "not", "contains", "propertyNames")
SUBSCHEMA_LISTS = ("anyOf", "allOf", "oneOf", "prefixItems")


def undocumented(schema, where: str = "#") -> list[str]:
    """JSON pointers of properties and definitions that lack a description, recursively."""
    if not isinstance(schema, dict):
        return []  # a boolean schema
    missing = []
    for group in NAMED_SUBSCHEMAS:
        for name, sub in schema.get(group, {}).items():
            if not (isinstance(sub, dict) and str(sub.get("description", "")).strip()):
                missing.append(f"{where}/{group}/{name}")
            missing += undocumented(sub, f"{where}/{group}/{name}")
    for keyword in SUBSCHEMA:
        if keyword in schema:
            missing += undocumented(schema[keyword], f"{where}/{keyword}")
    for keyword in SUBSCHEMA_LISTS:
        for index, sub in enumerate(schema.get(keyword, [])):
            missing += undocumented(sub, f"{where}/{keyword}/{index}")
    return missing


def test_description_check_finds_an_undocumented_nested_property():
    schema = {"properties": {"a": {"description": "A.", "items": {"properties": {"b": {"type": "string"}}}}}}
    assert undocumented(schema) == ["#/properties/a/items/properties/b"]


@pytest.mark.parametrize("schema_path", [FUNCTION_SCHEMA, SETTINGS_SCHEMA], ids=lambda p: p.name)
def test_every_property_has_a_description(schema_path: Path):
    assert undocumented(load_schema(schema_path)) == []


def test_both_schemas_name_the_same_function_types():
    function_types = load_schema(FUNCTION_SCHEMA)["properties"]["type"]["enum"]
    settings = load_schema(SETTINGS_SCHEMA)
    assert settings["$defs"]["functionType"]["enum"] == function_types
    assert sorted(settings["properties"]["order"]["properties"]) == sorted(function_types)


def test_ignore_changes_names_only_fields_a_manifest_holds():
    schema = load_schema(FUNCTION_SCHEMA)
    manageable = schema["properties"]["ignore_changes"]["items"]["enum"]
    assert manageable and set(manageable) <= set(schema["properties"])


# The examples


EXAMPLE_FILES = yaml_files(EXAMPLES)


def test_examples_exist():
    assert len(EXAMPLE_FILES) >= 8


@pytest.mark.parametrize("manifest", EXAMPLE_FILES, ids=relative)
def test_example_starts_with_a_schema_modeline(manifest: Path):
    match = MODELINE.match(manifest.read_text(encoding="utf-8").splitlines()[0])
    assert match, f"{relative(manifest)}: the first line must be `# yaml-language-server: $schema=...`"
    target = match.group(1)
    if target.startswith("https://"):
        return  # a third-party schema, e.g. GitHub's workflow schema
    assert (manifest.parent / target).resolve() == schema_for(manifest)


HOGCTL_EXAMPLES = [f for f in EXAMPLE_FILES if "/ci/" not in relative(f)]


@pytest.mark.parametrize("manifest", HOGCTL_EXAMPLES, ids=relative)
def test_example_validates_against_its_schema(manifest: Path):
    assert load_manifest(manifest).documents, f"{relative(manifest)} holds no document"
    assert schema_errors(manifest) == []


@pytest.mark.parametrize("manifest", HOGCTL_EXAMPLES, ids=relative)
def test_example_file_tags_name_existing_files(manifest: Path):
    for tag, target, line, column in load_manifest(manifest).tags_used:
        if tag == "!file":
            where = f"{relative(manifest)}:{line}:{column}"
            assert (manifest.parent / target).is_file(), f"{where}: {target} is missing"


def quickstart_functions() -> list[dict]:
    functions = []
    for manifest in yaml_files(EXAMPLES / "quickstart"):
        if manifest.name != "hogctl.yaml":
            functions += [document.data for document in load_manifest(manifest).documents]
    return functions


def test_quickstart_order_names_its_transformations():
    settings = load_manifest(EXAMPLES / "quickstart" / "hogctl.yaml").documents[0].data
    transformations = [f["name"] for f in quickstart_functions() if f.get("type") == "transformation"]
    assert len(transformations) == 3
    assert sorted(settings["order"]["transformation"]) == sorted(transformations)


def test_quickstart_uses_only_the_emulators_templates():
    used = {f["template_id"] for f in quickstart_functions() if "template_id" in f}
    assert used and used <= BUILT_IN_TEMPLATES


def test_quickstart_shows_mappings_masking_and_an_env_secret():
    functions = quickstart_functions()
    assert any(len(f.get("mappings") or []) == 2 for f in functions)
    assert any(f.get("masking") for f in functions)
    secrets = {
        item["key"]
        for f in functions
        for item in f.get("inputs_schema", [])
        if item.get("secret") is True
    }
    env_values = [
        (tag, value)
        for manifest in yaml_files(EXAMPLES / "quickstart")
        for tag, value, _, _ in load_manifest(manifest).tags_used
    ]
    assert secrets
    assert ("!env", "WEBHOOK_SIGNING_SECRET") in env_values


def test_ci_workflow_plans_on_pull_requests_and_applies_on_main():
    workflow_path = EXAMPLES / "ci" / "github-actions.yml"
    workflow = load_manifest(workflow_path).documents[0].data
    text = workflow_path.read_text(encoding="utf-8")
    assert "pull_request" in workflow["on"]
    assert "main" in workflow["on"]["push"]["branches"]
    assert workflow["jobs"]
    setups = [
        step for job in workflow["jobs"].values() for step in job["steps"]
        if str(step.get("uses", "")).endswith("/hogctl@v" + HOGCTL_VERSION)
    ]
    assert len(setups) == len(workflow["jobs"]), "every job puts hogctl on PATH with its action"
    assert "swift build" not in text
    assert "plan" in text and "--format markdown" in text
    assert "apply --auto-approve" in text
    assert "${{ secrets.POSTHOG_PERSONAL_API_KEY }}" in text
    assert "${{ secrets.WEBHOOK_SIGNING_SECRET }}" in text


def test_the_action_is_composite_and_installs_a_checked_release_or_builds():
    action = load_manifest(ROOT / "action.yml").documents[0].data
    assert action["runs"]["using"] == "composite"
    assert action["inputs"]["source"]["default"] == "release"
    scripts = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "scripts/install-release" in scripts and "scripts/package" in scripts
    assert "sha256sum --check" in (ROOT / "scripts" / "install-release").read_text(encoding="utf-8")


# The fixtures shared with the Swift validator

EXPECTED_KEYS = {"rule": str, "file": str, "line": int, "column": int, "schema_rejects": bool}


def invalid_cases() -> list[Path]:
    return sorted((FIXTURES / "invalid").glob("*/expected.json"))


def read_expected(expected_path: Path) -> dict:
    return json.loads(expected_path.read_text(encoding="utf-8"))


def case_id(expected_path: Path) -> str:
    return expected_path.parent.name


@pytest.mark.parametrize("expected_path", invalid_cases(), ids=case_id)
def test_invalid_fixture_expectation_is_well_formed(expected_path: Path):
    expected = read_expected(expected_path)
    for key, kind in EXPECTED_KEYS.items():
        assert isinstance(expected.get(key), kind), f"`{key}` must be a {kind.__name__}"
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", expected["rule"])
    assert expected["line"] >= 1 and expected["column"] >= 1
    assert (expected_path.parent / expected["file"]).is_file()


def schema_cases() -> list[Path]:
    return [path for path in invalid_cases() if read_expected(path).get("schema_rejects") is True]


def test_schema_expressible_fixtures_exist():
    assert len([p for p in schema_cases() if case_id(p).startswith("schema-")]) >= 10


@pytest.mark.parametrize("expected_path", schema_cases(), ids=case_id)
def test_schema_rejects_invalid_fixture_where_hogctl_does(expected_path: Path):
    expected = read_expected(expected_path)
    manifest = expected_path.parent / expected["file"]
    errors = schema_errors(manifest)
    assert errors, f"the schema accepts {relative(manifest)}, hogctl reports [{expected['rule']}]"
    spot = (expected["line"], expected["column"])
    assert any(spot in positions for _, positions in errors), (
        f"hogctl reports [{expected['rule']}] at {spot[0]}:{spot[1]}; the schema rejects elsewhere: "
        + "; ".join(f"{sorted(positions)} {message}" for message, positions in errors)
    )


VALID_FILES = [f for case in sorted((FIXTURES / "valid").glob("*/")) for f in yaml_files(case)]


@pytest.mark.parametrize("manifest", VALID_FILES, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_schema_accepts_valid_fixture(manifest: Path):
    assert schema_errors(manifest) == []


def test_environments_name_projects_and_refuse_other_members():
    validator = Draft202012Validator(load_schema(SETTINGS_SCHEMA))
    settings = {
        "version": 1,
        "environments": {
            "staging": {"host": "https://eu.posthog.com", "id": "1"},
            "production": {"id": "2", "api_path": "projects"},
        },
    }
    assert list(validator.iter_errors(settings)) == []
    wrong = {"environments": {"staging": {"project": "1"}}}
    assert [error.validator for error in validator.iter_errors(wrong)] == ["additionalProperties"]
