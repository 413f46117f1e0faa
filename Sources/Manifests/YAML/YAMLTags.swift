/// The tags hogctl understands.
enum YAMLTags {
  static let env = "!env"
  static let file = "!file"
  static let input = "!input"
  static let string = "tag:yaml.org,2002:str"
  static let nonSpecific = "!"
  static let merge = "tag:yaml.org,2002:merge"
}
