"""PostHog's own Hog parser (the `hogql-parser` wheel, C++ ANTLR) as a test oracle.

The wheel imports a few `posthog.hogql.*` modules; empty stand-ins are enough for the `*_json`
functions. Some errors are raised rather than returned, as `posthog.hogql.errors.<Class>`, so the
stand-in errors module hands out an exception class for any name.
"""

import json
import sys
import types


def _install_stubs():
    for name in ["posthog", "posthog.hogql", "posthog.hogql.ast", "posthog.hogql.base", "posthog.hogql.constants"]:
        sys.modules.setdefault(name, types.ModuleType(name))
    errors = types.ModuleType("posthog.hogql.errors")
    classes = {}

    def __getattr__(name):
        if name.startswith("__"):
            raise AttributeError(name)
        if name not in classes:
            classes[name] = type(name, (Exception,), {})
        return classes[name]

    errors.__getattr__ = __getattr__
    sys.modules["posthog.hogql.errors"] = errors


_install_stubs()
import hogql_parser  # noqa: E402


class Verdict:
    """Accepted, or rejected with the error's 1-based line and column (None when PostHog gives none)."""

    def __init__(self, ok, line=None, column=None, message=""):
        self.ok, self.line, self.column, self.message = ok, line, column, message


def _line_column_from_offset(source, offset, mixed_units):
    """PostHog's error offsets: ANTLR parser errors count UTF-8 bytes up to the line's start and code
    points within the line; lexer and AST errors count code points throughout."""
    starts = [(0, 0)]  # (code-point offset, byte offset) of each line's start
    byte = 0
    index = 0
    while index < len(source):
        char = source[index]
        byte += len(char.encode("utf-8", "surrogatepass"))
        index += 1
        if char == "\r" and index < len(source) and source[index] == "\n":
            byte += 1
            index += 1
            starts.append((index, byte))
        elif char in "\r\n":
            starts.append((index, byte))
    unit = 1 if mixed_units else 0
    number = 1
    for candidate, start in enumerate(starts, start=1):
        if start[unit] <= offset:
            number = candidate
    return number, offset - starts[number - 1][unit] + 1


def parse(source, template=False):
    try:
        if template:
            raw = hogql_parser.parse_full_template_string_json("F'" + source)
        else:
            raw = hogql_parser.parse_program_json(source)
    except Exception as error:  # raised, positionless errors such as an unmatched '}'
        return Verdict(False, message=f"{type(error).__name__}: {error}")
    result = json.loads(raw)
    if not (isinstance(result, dict) and result.get("error")):
        return Verdict(True)
    offset = result.get("start", {}).get("offset", 0)
    message = result.get("message", "")
    if template:
        offset = max(0, offset - 2)
    if message.startswith("Unsupported rule"):
        return Verdict(False, message=message)  # found while building the AST; PostHog gives no position
    antlr = any(message.startswith(prefix) for prefix in ("mismatched", "extraneous", "no viable", "missing"))
    line, column = _line_column_from_offset(source, offset, mixed_units=antlr)
    return Verdict(False, line, column, message)
