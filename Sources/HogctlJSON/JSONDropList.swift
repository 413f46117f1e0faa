/// Members a parse leaves out, by path: `results.*.bytecode` drops the `bytecode` member of
/// every element of `results`. `*` stands for any key or any list element; where a key is also
/// named exactly, the exact path is followed and the wildcard is not. A dropped member is
/// still read and checked like the rest of the document; it is only not kept, so large
/// responses need not hold what their reader never looks at.
public struct JSONDropList: Sendable {
  struct Node: Sendable {
    var children: [(key: String, node: Int)] = []
    var anyChild: Int?
    var drops = false
  }

  /// Node 0 is the document's root.
  private(set) var nodes = [Node()]

  public static let none = JSONDropList(paths: [])

  public init(paths: [String]) {
    for path in paths {
      var node = 0
      for component in path.split(separator: ".").map(String.init) {
        node = addChild(of: node, component)
      }
      nodes[node].drops = true
    }
  }

  public var isEmpty: Bool { nodes.count == 1 }

  /// The node a member or element leads to, or `nil` when no path goes through it.
  func child(of node: Int, _ key: String) -> Int? {
    for entry in nodes[node].children where entry.key == key { return entry.node }
    return nodes[node].anyChild
  }

  func element(of node: Int) -> Int? { nodes[node].anyChild }

  func drops(_ node: Int) -> Bool { nodes[node].drops }

  /// `value` without the members this list names, or `nil` when it names none of them (so a
  /// value that holds none is not copied).
  public func removing(from value: JSONValue) -> JSONValue? {
    isEmpty ? nil : removing(from: value, at: 0)
  }

  private func removing(from value: JSONValue, at node: Int) -> JSONValue? {
    switch value {
    case .object(let object):
      var result = object
      var changed = false
      for (key, member) in object {
        guard let child = child(of: node, key) else { continue }
        if drops(child) {
          result.removeValue(forKey: key)
          changed = true
        } else if let updated = removing(from: member, at: child) {
          result[key] = updated
          changed = true
        }
      }
      return changed ? .object(result) : nil
    case .array(let items):
      guard let child = element(of: node) else { return nil }
      if drops(child) { return .array([]) }
      var result = items
      var changed = false
      for (index, item) in items.enumerated() {
        if let updated = removing(from: item, at: child) {
          result[index] = updated
          changed = true
        }
      }
      return changed ? .array(result) : nil
    default:
      return nil
    }
  }

  private mutating func addChild(of node: Int, _ component: String) -> Int {
    if component == "*" {
      if let existing = nodes[node].anyChild { return existing }
      nodes.append(Node())
      nodes[node].anyChild = nodes.count - 1
      return nodes.count - 1
    }
    if let existing = nodes[node].children.first(where: { $0.key == component }) { return existing.node }
    nodes.append(Node())
    nodes[node].children.append((key: component, node: nodes.count - 1))
    return nodes.count - 1
  }
}
