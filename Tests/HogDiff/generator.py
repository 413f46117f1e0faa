"""A seeded generator of short random Hog programs and of broken variants of them.

Programs stay short on purpose: PostHog's parser takes time cubic in the length of a flat
operator chain in program mode.
"""

import random
import re

NAMES = ["a", "b", "x", "count", "event", "inputs", "properties", "$set", "_tmp", "`quoted name`", "date"]
BINARY = ["+", "-", "*", "/", "%", "||", "==", "!=", "<", "<=", ">", ">=", "=~", "!~", "~*", "=~*", "!~*",
          "??", "and", "or", "like", "ilike", "not like", "in", "not in"]
STRINGS = ["'hello'", "'it''s'", "'line\\nbreak'", "'tab\\t'", "'\\x41'", "''", "'caf\u00e9'", "'{not a hole}'"]
NUMBERS = ["0", "1", "42", "3.14", "1e3", "0x1F", ".5", "1.", "007", "-1", "2.5e-3", "inf", "nan"]


# Forms spelled with holes: {N} a name, {A} an atom, {E} an expression, {L} an argument list,
# {B} a block, {S} a statement, {O} a binary operator. Holes expand one level deeper.
EXPRESSIONS = [
    "{N}({L})", "{N}.{N}", "{N}?.{N}", "{N}[{E}]", "{N}?.[{E}]", "({E})", "({E}, {E})", "[{L}]", "{}",
    "{{A}: {E}}", "{{A}: {E}, {A}: {E}}", "not {E}", "-{E}", "{E} ? {E} : {E}", "({N}, {N}) -> {E}",
    "{N} -> {E}", "() -> { return {E} }", "f'text {{E}} more'", "f'outer {f'inner {{A}}'}'", "{E} is null",
    "{E} is not null", "{A} between {A} and {A}", "case when {A} then {A} else {A} end", "{N}::String",
    "{N}[1:2]", "{E} {O} {E}", "{E} {O} {E}",
]
STATEMENTS = [
    "let {N} := {E}", "let {N}", "{N} := {E}", "{N}.{N} := {E}", "{N}[{A}] := {E}", "print({L})", "return {E}",
    "return", "throw Error({A})", "if ({E}) {B}", "if ({E}) {B} else {B}", "if ({E}) {S} else {S}",
    "while ({E}) {B}", "for (let {N} in {E}) {B}", "for (let {N}, {N} in {E}) {B}",
    "for (let i := 0; i < 3; i := i + 1) {B}", "fun {N}({N}, {N}) {B}", "fn {N}() {B}",
    "try {B} catch (e) {B}", "try {B} catch (e: Error) {B} finally {B}", "{E};", ";", "// a comment",
    "/* a block comment */", "-- an SQL comment",
]
HOLE = re.compile(r"\{([NAELBSO])\}")


class Generator:
    def __init__(self, seed):
        self.random = random.Random(seed)

    def choice(self, items):
        return self.random.choice(items)

    def fill(self, form, depth):
        return HOLE.sub(lambda match: self.hole(match.group(1), depth + 1), form)

    def hole(self, kind, depth):
        if kind == "N":
            return self.choice(NAMES)
        if kind == "O":
            return self.choice(BINARY)
        if kind == "A" or (kind == "E" and (depth > 2 or self.random.random() < 0.35)):
            return self.choice([self.choice(NAMES), self.choice(NUMBERS), self.choice(STRINGS),
                                self.choice(["true", "false", "null"])])
        if kind == "E":
            return self.fill(self.choice(EXPRESSIONS), depth)
        if kind == "L":
            return ", ".join(self.hole("E", depth) for _ in range(self.random.randint(0, 3)))
        if kind == "B":
            inner = "".join("  " + self.hole("S", depth) + "\n" for _ in range(self.random.randint(0, 1)))
            return "{\n" + inner + "}"
        if depth > 3:
            return self.fill("{N} := {E}", depth)
        return self.fill(self.choice(STATEMENTS), depth)

    def program(self):
        return "\n".join(self.hole("S", 0) for _ in range(self.random.randint(1, 2)))

    # Broken variants: each keeps most of a valid program and breaks one thing.

    TOKEN = re.compile(r"\s+|f'|'(?:[^'\\]|\\.|'')*'|`[^`]*`|[A-Za-z_$][\w$]*|\d+(?:\.\d*)?(?:e[-+]?\d+)?|:=|\?\?|\?\.|->|[=!<>]=|=~\*?|!~\*?|~\*|\|\||.", re.S)

    def mutate(self, program):
        tokens = [token for token in self.TOKEN.findall(program)]
        solid = [i for i, token in enumerate(tokens) if not token.isspace()]
        if not solid:
            return program + " +"
        i = self.choice(solid)
        kind = self.random.randrange(7)
        if kind == 0:  # delete a token
            tokens[i] = ""
        elif kind == 1:  # stray operator
            tokens[i] = tokens[i] + " " + self.choice(["+", "*", ")", "]", "}", ":=", ",", ".", "?", "=>", "!", "&&", "'"])
        elif kind == 2:  # unterminated string
            tokens[i] = tokens[i] + " 'unterminated"
        elif kind == 3:  # duplicate a token
            tokens[i] = tokens[i] + " " + tokens[i]
        elif kind == 4:  # swap with the next token
            j = solid[min(solid.index(i) + 1, len(solid) - 1)]
            tokens[i], tokens[j] = tokens[j], tokens[i]
        elif kind == 5:  # replace with a keyword
            tokens[i] = self.choice(["let", "if", "else", "while", "for", "fun", "return", "try", "catch", "in", "not"])
        else:  # cut the program short
            tokens = tokens[:i]
        return "".join(tokens)

    def corpus(self, count):
        for n in range(count):
            program = self.program()
            yield program if n % 2 == 0 else self.mutate(program)
