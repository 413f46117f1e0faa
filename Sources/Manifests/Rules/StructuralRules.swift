import Foundation

/// The rules checked while a file is read and decoded (the YAML reader, `ShapeDecoder`, the tag
/// resolver) rather than by a `ManifestRule` of their own: one table of their documentation and
/// examples, which the docs and the rule example tests read like every other rule's.
enum StructuralRules {
  static let all: [RuleDescription] = [
    // The file is not well-formed YAML.
    RuleDescription(
      id: RuleID.yamlSyntax,
      summary: "The file is not well-formed YAML (position as libyaml reports it).",
      valid: [RuleExample("name: A\nhog: return event\n")],
      invalid: [
        RuleExample("name: A\nhog: [return event\n↓"),
        RuleExample("name: A\n  hog↓: return event\n"),
      ]),
    // A mapping that sets the same key twice: YAML forbids it and the second would silently win.
    RuleDescription(
      id: RuleID.duplicateKey,
      summary: "A mapping repeats a key; the diagnostic points at the repetition.",
      valid: [RuleExample("name: A\nhog: return event\n")],
      invalid: [
        RuleExample("name: A\nhog: return event\n↓name: B\n"),
        RuleExample(
          "name: A\nhog: return event\nfilters:\n  filter_test_accounts: true\n  ↓filter_test_accounts: false\n"
        ),
      ]),
    // Manifests are UTF-8 text.
    RuleDescription(
      id: RuleID.invalidUTF8,
      summary: "The file is not valid UTF-8; the position is the first bad byte.",
      valid: [RuleExample("name: Café\nhog: return event\n")],
      invalid: [
        RuleExample(
          files: ["function.yaml": "name: A\nhog: return event\ndescription: ↓"],
          rawSuffixes: ["function.yaml": Data([0xC3, 0x28, 0x0A])])
      ]),
    // Files over 10 MB are refused before parsing, so a huge file cannot exhaust memory.
    RuleDescription(
      id: RuleID.fileTooLarge,
      summary: "A manifest (or a `!file` target) is over 10 MB; it is not parsed.",
      valid: [RuleExample("name: A\nhog: return event\n")],
      invalid: [
        RuleExample(
          "↓name: A\nhog: return event\n" + String(repeating: "# padding padding padding\n", count: 420_000))
      ]),
    // Aliases copy their anchor wherever used; nested aliases grow exponentially ("billion laughs").
    RuleDescription(
      id: RuleID.aliasLimit,
      summary: "A document expands to more than 100,000 values through aliases, or nests over 200 levels.",
      valid: [RuleExample("name: A\nhog: &code return event\ndescription: *code\n")],
      invalid: [
        RuleExample(
          "↓a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
        )
      ]),
    // A field the format does not have: usually a typo, so the closest field name is suggested.
    RuleDescription(
      id: RuleID.unknownField,
      summary: "A field the manifest format does not define (with a did-you-mean suggestion).",
      valid: [RuleExample("name: A\nhog: return event\nenabled: false\n")],
      invalid: [
        RuleExample("name: A\nhog: return event\n↓enabeld: false\n"),
        RuleExample("name: A\nhog: return event\nmasking:\n  ttl: 60\n  hash: x\n  ↓treshold: 3\n"),
        RuleExample(files: ["hogctl.yaml": "version: 1\nproject:\n  ↓hots: https://eu.posthog.com\n"]),
      ]),
    // A value of the wrong kind: a list where a mapping belongs, a mapping where text belongs.
    RuleDescription(
      id: RuleID.wrongType,
      summary: "A value has the wrong type (e.g. a list where a mapping is expected).",
      valid: [RuleExample("name: A\nhog: return event\nprevious_names: [B]\n")],
      invalid: [
        RuleExample("name: A\nhog: return event\nprevious_names: ↓B\n"),
        RuleExample("name: ↓[A]\nhog: return event\n"),
        RuleExample("name: A\nhog: return event\nexecution_order: ↓first\n"),
      ]),
    // A field the format requires: `name`, `hog` without a template, an input schema's `type`/`key`.
    RuleDescription(
      id: RuleID.requiredField,
      summary:
        "A required field is missing (`name`; `hog` unless `template_id` or `deleted`; schema `key`/`type`).",
      valid: [RuleExample("name: A\ntemplate_id: template-slack\n")],
      invalid: [
        RuleExample("↓hog: return event\n"),
        RuleExample("↓name: A\n"),
        RuleExample("name: A\nhog: return event\ninputs_schema:\n  - ↓{key: url}\n"),
      ]),
    // A value outside a fixed set: `type`, `broadcast`, `api_path`, `filters.source`, input types.
    RuleDescription(
      id: RuleID.invalidEnum,
      summary:
        "A value is not one of the allowed values (type, broadcast, api_path, filters.source, inputs_schema type).",
      valid: [RuleExample("name: A\ntype: transformation\nhog: return event\nbroadcast: on_create\n")],
      invalid: [
        RuleExample("name: A\ntype: ↓destinaton\nhog: return event\n"),
        RuleExample("name: A\nhog: return event\nbroadcast: ↓always\n"),
        RuleExample("name: A\nhog: return event\nfilters:\n  source: ↓persons\n"),
        RuleExample("name: A\nhog: return event\ninputs_schema:\n  - {key: url, type: ↓text}\n"),
        RuleExample(files: ["hogctl.yaml": "version: 1\nproject:\n  api_path: ↓environment\n"]),
      ]),
    // Only `true` and `false` are booleans: YAML 1.1's `yes`, `no`, `on`, `off` are refused.
    RuleDescription(
      id: RuleID.invalidBoolean,
      summary:
        "A boolean field (or boolean input) holds something other than true/false, such as yes/no/on/off.",
      valid: [RuleExample("name: A\nhog: return event\nenabled: false\n")],
      invalid: [
        RuleExample("name: A\nhog: return event\nenabled: ↓yes\n"),
        RuleExample("name: A\nhog: return event\nenabled: ↓\"true\"\n"),
        RuleExample(
          "name: A\nhog: return event\ninputs_schema:\n  - {key: debug, type: boolean}\ninputs:\n  debug: ↓on\n"
        ),
      ]),
    // Numbers with limits: `execution_order` 0..32767, safety percentages 0..100, filter orders >= 0.
    RuleDescription(
      id: RuleID.outOfRange,
      summary: "A number is outside its range (execution_order 0..32767, safety percentages 0..100).",
      valid: [RuleExample("name: A\ntype: transformation\nhog: return event\nexecution_order: 3\n")],
      invalid: [
        RuleExample("name: A\ntype: transformation\nhog: return event\nexecution_order: ↓40000\n"),
        RuleExample(files: ["hogctl.yaml": "version: 1\nsafety:\n  max_delete_percent: ↓150\n"]),
      ]),
    // hogctl's tags are `!env`, `!file` and `!input` (the last only under `inputs`).
    RuleDescription(
      id: RuleID.invalidTag,
      summary: "An unknown YAML tag, or `!input` outside `inputs`.",
      valid: [
        RuleExample("name: A\nhog: return event\ninputs:\n  body: !input {value: x, templating: liquid}\n")
      ],
      invalid: [
        RuleExample("name: A\nhog: ↓!secret abc\n"),
        RuleExample("name: A\nhog: return event\nfilters: ↓!input {value: x}\n"),
      ]),
    // PostHog accepts `masking.ttl` between 60 and 86400 seconds.
    RuleDescription(
      id: RuleID.maskingTTLRange,
      summary: "`masking.ttl` is outside 60..86400 seconds.",
      valid: [RuleExample("name: A\nhog: return event\nmasking: {ttl: 3600, hash: \"{person.id}\"}\n")],
      invalid: [
        RuleExample("name: A\nhog: return event\nmasking: {ttl: ↓30, hash: \"{person.id}\"}\n"),
        RuleExample("name: A\nhog: return event\nmasking:\n  ttl: ↓86401\n  hash: x\n"),
      ]),
    // Masking without a `hash` template has nothing to deduplicate on.
    RuleDescription(
      id: RuleID.maskingHashRequired,
      summary: "`masking` has no `hash`.",
      valid: [RuleExample("name: A\nhog: return event\nmasking: {ttl: 60, hash: \"{person.id}\"}\n")],
      invalid: [RuleExample("name: A\nhog: return event\nmasking:\n  ↓ttl: 60\n")]),
    // `tests` entries: `name`, `globals` with an `event`, and an optional `expect`.
    RuleDescription(
      id: RuleID.invalidTest,
      summary: "A `tests` entry is malformed: no name, no globals.event, unknown keys, bad expect.status.",
      valid: [
        RuleExample(
          "name: A\nhog: return event\ntests:\n  - name: passes\n    globals: {event: {event: $pageview}}\n"
            + "    expect: {status: success, logs_contain: [hi]}\n")
      ],
      invalid: [
        RuleExample("name: A\nhog: return event\ntests:\n  - ↓globals: {event: {event: $pageview}}\n"),
        RuleExample(
          "name: A\nhog: return event\ntests:\n  - name: t\n    globals: {event: {}}\n    expect: {status: ↓ok}\n"
        ),
        RuleExample("name: A\nhog: return event\ntests:\n  - name: t\n    globals: ↓{person: {}}\n"),
      ]),
    // `!file` points at a file that is missing or not UTF-8 text.
    RuleDescription(
      id: RuleID.fileNotFound,
      summary: "A `!file` target is missing or unreadable (paths are relative to the manifest).",
      valid: [
        RuleExample(files: ["d/f.yaml": "name: A\nhog: !file ../code.hog\n", "code.hog": "return event\n"])
      ],
      invalid: [
        RuleExample(files: ["d/f.yaml": "name: A\nhog: ↓!file code.hog\n", "code.hog": "return event\n"])
      ]),
    // `!file` reads only inside the manifest directory: a manifest from an untrusted pull request
    // must not be able to publish other files of the machine through a plan.
    RuleDescription(
      id: RuleID.fileOutsideDirectory,
      summary:
        "A `!file` target is an absolute path, leaves the manifest directory with `..`, or is a link to a file outside it; nothing is read.",
      valid: [
        RuleExample(files: ["d/f.yaml": "name: A\nhog: !file ../code.hog\n", "code.hog": "return event\n"])
      ],
      invalid: [
        RuleExample(files: [
          "d/f.yaml": "name: A\nhog: ↓!file ../../code.hog\n", "code.hog": "return event\n",
        ]),
        RuleExample(files: ["f.yaml": "name: A\nhog: ↓!file /etc/hostname\n"]),
      ]),
    // `!env NAME` with NAME unset; `--skip-env` turns this off for linting without secrets.
    RuleDescription(
      id: RuleID.envUnset,
      summary: "An `!env` variable is not set (not reported with --skip-env).",
      valid: [
        RuleExample("name: A\nhog: return event\ndescription: !env DESC\n", environment: ["DESC": "x"])
      ],
      invalid: [RuleExample("name: A\nhog: return event\ndescription: ↓!env DESC\n")]),
    // `hogctl.yaml` declares format version 1.
    RuleDescription(
      id: RuleID.invalidSettingsVersion,
      summary: "`version` in hogctl.yaml is not 1.",
      valid: [RuleExample(files: ["hogctl.yaml": "version: 1\n"])],
      invalid: [RuleExample(files: ["hogctl.yaml": "version: ↓2\n"])]),
    // Only the top-level `hogctl.yaml` is read; one deeper in the tree is ignored.
    RuleDescription(
      id: RuleID.nestedSettings, severity: .warning,
      summary: "A `hogctl.yaml` below the top of the manifest directory; it is ignored.",
      valid: [RuleExample(files: ["hogctl.yaml": "version: 1\n"])],
      invalid: [RuleExample(files: ["sub/hogctl.yaml": "↓version: 1\n"])]),
  ]
}
