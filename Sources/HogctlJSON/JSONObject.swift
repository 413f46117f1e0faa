/// The members of a JSON object, held in one array sorted by key.
///
/// Tens of thousands of small objects stay in memory through a plan (every function, live and
/// desired, is a tree of them), and most have under twenty keys. A sorted array holds them in one
/// allocation sized to fit, finds a key without hashing it, and iterates in the order the
/// canonical JSON writer needs. It offers the parts of `Dictionary`'s interface hogctl uses.
public struct JSONObject: Sendable {
  public typealias Element = (key: String, value: JSONValue)

  /// Sorted by key with `String`'s `<`; keys are unique.
  private var members: [Element]

  public init() { members = [] }

  public init(minimumCapacity: Int) {
    members = []
    members.reserveCapacity(minimumCapacity)
  }

  /// Members in any order; a repeated key keeps its last value, as in JSON parsers generally.
  public init<S: Sequence>(lastWins elements: S) where S.Element == Element {
    self.init(lastWins: Array(elements))
  }

  /// The same for an array, which becomes the object's storage without a copy. Not generic, so
  /// callers in other modules run code compiled for it rather than generic code.
  public init(lastWins elements: [Element]) {
    members = elements
    guard !Self.isStrictlySorted(members) else { return }
    if members.count <= 32 {
      Self.insertionSort(&members)
    } else {
      // Ties are broken by position, so repeats stay in the order they were given.
      members = members.enumerated().sorted { lhs, rhs in
        lhs.element.key != rhs.element.key ? lhs.element.key < rhs.element.key : lhs.offset < rhs.offset
      }.map(\.element)
    }
    // Repeats are now side by side, in the order given: keep the last of each.
    var kept = 0
    for index in members.indices {
      if kept > 0, members[kept - 1].key == members[index].key {
        members[kept - 1] = members[index]
      } else {
        if kept != index { members[kept] = members[index] }
        kept += 1
      }
    }
    members.removeLast(members.count - kept)
  }

  /// Sorts in place, moving a member only past keys strictly after its own, so repeats keep
  /// their order. API responses list a function's fields in the server's order, and objects
  /// this small sort fastest this way.
  private static func insertionSort(_ members: inout [Element]) {
    for index in 1..<members.count {
      let member = members[index]
      var slot = index
      while slot > 0, member.key < members[slot - 1].key {
        members[slot] = members[slot - 1]
        slot -= 1
      }
      if slot != index { members[slot] = member }
    }
  }

  /// Room for `capacity` members without growing: adding keys one by one to a small object
  /// otherwise reallocates it at each doubling.
  public mutating func reserveCapacity(_ capacity: Int) {
    members.reserveCapacity(capacity)
  }

  public init(_ dictionary: [String: JSONValue]) {
    self.init(lastWins: dictionary.lazy.map { (key: $0.key, value: $0.value) })
  }

  private static func isStrictlySorted(_ elements: [Element]) -> Bool {
    var index = 1
    while index < elements.count {
      guard elements[index - 1].key < elements[index].key else { return false }
      index += 1
    }
    return true
  }

  /// Where `key` is, or where it would be inserted: the first member not before it. Each probe
  /// is one `<` (two strings that differ always take String's out-of-line comparison, so one
  /// call per probe rather than `==` and `<`), and only the member found is checked for
  /// equality. Reads through a buffer pointer so the search itself retains nothing.
  private func position(of key: String) -> (index: Int, found: Bool) {
    members.withUnsafeBufferPointer { buffer in
      var low = 0
      if buffer.count <= 8 {
        while low < buffer.count, buffer[low].key < key { low += 1 }
      } else {
        var high = buffer.count
        while low < high {
          let middle = (low + high) / 2
          if buffer[middle].key < key { low = middle + 1 } else { high = middle }
        }
      }
      return (low, low < buffer.count && buffer[low].key == key)
    }
  }

  public subscript(key: String) -> JSONValue? {
    get {
      // Spelled out: a bare `nil` here would become JSONValue's own nil literal, `.null`.
      let (index, found) = position(of: key)
      return found ? Optional.some(members[index].value) : Optional.none
    }
    set {
      let (index, found) = position(of: key)
      switch newValue {
      case .some(let value):
        if found { members[index].value = value } else { members.insert((key: key, value: value), at: index) }
      case .none:
        if found { members.remove(at: index) }
      }
    }
  }

  @discardableResult
  public mutating func removeValue(forKey key: String) -> JSONValue? {
    let (index, found) = position(of: key)
    return found ? Optional.some(members.remove(at: index).value) : Optional.none
  }

  public var keys: LazyMapSequence<[Element], String> { members.lazy.map(\.key) }
  public var values: LazyMapSequence<[Element], JSONValue> { members.lazy.map(\.value) }

  public func mapValues(_ transform: (JSONValue) throws -> JSONValue) rethrows -> JSONObject {
    var result = self
    for index in result.members.indices { result.members[index].value = try transform(members[index].value) }
    return result
  }

  public func filter(_ isIncluded: (Element) throws -> Bool) rethrows -> JSONObject {
    var result = JSONObject()
    result.members = try members.filter(isIncluded)
    return result
  }

  public mutating func merge(
    _ other: JSONObject, uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue
  )
    rethrows
  {
    for member in other.members {
      if let current = self[member.key] {
        self[member.key] = try combine(current, member.value)
      } else {
        self[member.key] = member.value
      }
    }
  }

  public func merging(
    _ other: JSONObject, uniquingKeysWith combine: (JSONValue, JSONValue) throws -> JSONValue
  )
    rethrows -> JSONObject
  {
    var result = self
    try result.merge(other, uniquingKeysWith: combine)
    return result
  }

  /// The members in key order, read in place.
  public func withMembers<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result
  {
    try members.withUnsafeBufferPointer(body)
  }

  /// The same members as a Swift dictionary, for code that builds large maps key by key.
  public var dictionary: [String: JSONValue] {
    Dictionary(uniqueKeysWithValues: members.lazy.map { ($0.key, $0.value) })
  }
}

extension JSONObject: RandomAccessCollection {
  public var startIndex: Int { members.startIndex }
  public var endIndex: Int { members.endIndex }
  public subscript(position: Int) -> Element { members[position] }
  public var count: Int { members.count }
  public var isEmpty: Bool { members.isEmpty }
}

extension JSONObject: Hashable {
  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.members.count == rhs.members.count else { return false }
    for index in lhs.members.indices {
      guard lhs.members[index].key == rhs.members[index].key,
        lhs.members[index].value == rhs.members[index].value
      else { return false }
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(members.count)
    for member in members {
      hasher.combine(member.key)
      hasher.combine(member.value)
    }
  }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
  public init(dictionaryLiteral elements: (String, JSONValue)...) {
    var members: [Element] = []
    members.reserveCapacity(elements.count)
    for (key, value) in elements { members.append((key: key, value: value)) }
    self.init(lastWins: members)
  }
}

extension JSONObject: Codable {
  public init(from decoder: any Decoder) throws {
    self.init(try [String: JSONValue](from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try dictionary.encode(to: encoder)
  }
}

extension JSONObject: CustomStringConvertible {
  public var description: String { JSONValue.object(self).serialized() }
}
