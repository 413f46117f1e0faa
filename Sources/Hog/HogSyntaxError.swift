/// A syntax error in Hog source, in plain words, with the position where it starts.
public struct HogSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public var position: HogPosition

  public var description: String { "\(position): \(message)" }
}
