import HogctlJSON

/// Finds the `inputs.<key>` references inside the `{...}` parts of input templates, which decide
/// the inputs' `order`.
enum InputReferences {
  static func referenced(in value: JSONValue) -> Set<String> {
    switch value {
    case .string(let text): referenced(inTemplate: text)
    case .array(let items): items.reduce(into: []) { $0.formUnion(referenced(in: $1)) }
    case .object(let members): members.values.reduce(into: []) { $0.formUnion(referenced(in: $1)) }
    default: []
    }
  }

  static func referenced(inTemplate text: String) -> Set<String> {
    var keys: Set<String> = []
    var depth = 0
    var expression = ""
    for character in text {
      if character == "{" {
        depth += 1
        if depth == 1 { expression = "" }
      } else if character == "}", depth > 0 {
        depth -= 1
        if depth == 0 { keys.formUnion(references(inExpression: expression)) }
      } else if depth > 0 {
        expression.append(character)
      }
    }
    return keys
  }

  /// `inputs.name` where `inputs` is not part of a longer identifier.
  static func references(inExpression expression: String) -> Set<String> {
    let characters = Array(expression)
    let marker = Array("inputs.")
    var keys: Set<String> = []
    var index = 0
    while index + marker.count <= characters.count {
      let startsWord = index == 0 || !isIdentifier(characters[index - 1])
      if startsWord, Array(characters[index..<index + marker.count]) == marker {
        var end = index + marker.count
        while end < characters.count, isIdentifier(characters[end]) { end += 1 }
        if end > index + marker.count { keys.insert(String(characters[index + marker.count..<end])) }
        index = end
      } else {
        index += 1
      }
    }
    return keys
  }

  static func isIdentifier(_ character: Character) -> Bool {
    character == "_" || character == "$" || character.isLetter || character.isNumber
  }
}
