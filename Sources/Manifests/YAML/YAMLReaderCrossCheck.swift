import Foundation

/// Reads YAML both ways, with `PlainYAMLParser` first and with libyaml alone, and reports any
/// difference in the nodes, positions or diagnostics. The fuzz target runs it on every input and
/// the tests on every YAML file in the repository: the plain parser is only right where it gives
/// exactly what libyaml gives.
public enum YAMLReaderCrossCheck {
  public struct Outcome: Sendable {
    /// How the two readings differ, or `nil` when they agree.
    public var disagreement: String?
    /// Whether the plain parser read the text (otherwise both readings were libyaml's).
    public var readWithoutLibYAML: Bool
  }

  public static func compare(_ data: Data) -> Outcome {
    let plainFirst = YAMLDocumentReader(file: "f.yaml").read(data)
    var reference = YAMLDocumentReader(file: "f.yaml")
    reference.triesPlainParser = false
    let libYAML = reference.read(data)
    var disagreement: String?
    if plainFirst.diagnostics != libYAML.diagnostics {
      disagreement = "diagnostics differ: \(plainFirst.diagnostics) against libyaml's \(libYAML.diagnostics)"
    } else if plainFirst.documents != libYAML.documents {
      disagreement = "documents differ: \(plainFirst.documents) against libyaml's \(libYAML.documents)"
    } else if plainFirst.text != libYAML.text {
      disagreement = "the kept text differs"
    }
    return Outcome(disagreement: disagreement, readWithoutLibYAML: !plainFirst.readByLibYAML)
  }
}
