import Foundation
import Yams

/// `hogctl.yaml` as import reads and writes it: only `manage.types` and `order.transformation`
/// are changed; the rest is written back as it was (comments other than the ones at the top are
/// not kept, so the file is rewritten only when one of the two changes).
struct SettingsFile {
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// The file's text, nil when there is none.
  var text: String?
  var pairs: [(key: String, value: YAMLNode)] = []

  var manageTypes: [String]? { strings(at: ["manage", "types"]) }
  var transformationOrder: [String]? { strings(at: ["order", "transformation"]) }
  var ignore: [String] { strings(at: ["manage", "ignore"]) ?? [] }

  init(text: String?) throws {
    self.text = text
    guard let text, let node = try Yams.compose(yaml: text) else { return }
    guard case .mapping(let members, _, _) = try Self.convert(node) else {
      throw Failure(description: "hogctl.yaml is not a mapping")
    }
    pairs = members
  }

  /// The text with `manage.types` and `order.transformation` set; the original text when both
  /// are already so. A new file also gets `project` when `project` is given.
  func rendered(
    types: [String], order: [String], project: [(key: String, value: YAMLNode)], schemas: String
  ) throws -> String {
    if let text, manageTypes == types, (transformationOrder ?? []) == order { return text }
    var pairs = pairs
    if text == nil {
      pairs = [("version", .scalar("1", style: .plain))]
      if !project.isEmpty { pairs.append(("project", .mapping(project, flow: false))) }
    }
    Self.set(&pairs, path: ["manage", "types"], to: .sequence(types.map(YAMLNode.text), flow: true))
    if !order.isEmpty || transformationOrder != nil {
      Self.set(
        &pairs, path: ["order", "transformation"], to: .sequence(order.map(YAMLNode.text), flow: false))
    }
    let header =
      text.map(Self.leadingComments) ?? "# yaml-language-server: $schema=\(schemas)/hogctl.schema.json\n"
    return header + (try YAMLEmitter.emit(.mapping(pairs, flow: false)))
  }

  private func strings(at path: [String]) -> [String]? {
    var members = pairs
    for (position, key) in path.enumerated() {
      guard let value = members.last(where: { $0.key == key })?.value else { return nil }
      if position == path.count - 1 {
        guard case .sequence(let items, _) = value else { return nil }
        return items.compactMap { if case .scalar(let text, _, _) = $0 { text } else { nil } }
      }
      guard case .mapping(let inner, _, _) = value else { return nil }
      members = inner
    }
    return nil
  }

  private static func set(_ pairs: inout [(key: String, value: YAMLNode)], path: [String], to value: YAMLNode)
  {
    guard let key = path.first else { return }
    let index = pairs.lastIndex { $0.key == key }
    if path.count == 1 {
      if let index { pairs[index].value = value } else { pairs.append((key, value)) }
      return
    }
    var inner: [(key: String, value: YAMLNode)] = []
    if let index, case .mapping(let members, _, _) = pairs[index].value { inner = members }
    set(&inner, path: Array(path.dropFirst()), to: value)
    if let index {
      pairs[index].value = .mapping(inner, flow: false)
    } else {
      pairs.append((key, .mapping(inner, flow: false)))
    }
  }

  /// The comment lines the file starts with (the schema modeline among them).
  private static func leadingComments(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .prefix { $0.hasPrefix("#") }
      .map { $0 + "\n" }.joined()
  }

  private static func convert(_ node: Yams.Node) throws -> YAMLNode {
    switch node {
    case .scalar(let scalar):
      switch scalar.style {
      case .literal, .folded: return .scalar(scalar.string, style: .literal)
      case .singleQuoted, .doubleQuoted: return .scalar(scalar.string, style: .doubleQuoted)
      default: return .scalar(scalar.string, style: .plain)
      }
    case .sequence(let sequence):
      return .sequence(try sequence.map(convert), flow: sequence.style == .flow)
    case .mapping(let mapping):
      let pairs = try mapping.map { pair -> (key: String, value: YAMLNode) in
        guard case .scalar(let key) = pair.key else {
          throw Failure(description: "hogctl.yaml has a non-text key")
        }
        return (key.string, try convert(pair.value))
      }
      return .mapping(pairs, flow: mapping.style == .flow)
    case .alias:
      throw Failure(description: "hogctl.yaml uses YAML aliases; import cannot merge it, edit it by hand")
    }
  }
}
