/// Aliases copy their anchor wherever used; nested aliases grow exponentially ("billion laughs").
enum AliasLimitRule {
  static let description = RuleDescription(
    id: RuleID.aliasLimit,
    summary: "A document expands to more than 100,000 values through aliases, or nests over 200 levels.",
    valid: [RuleExample("name: A\nhog: &code return event\ndescription: *code\n")],
    invalid: [
      RuleExample(
        "↓a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
          + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
          + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
      )
    ])
}
