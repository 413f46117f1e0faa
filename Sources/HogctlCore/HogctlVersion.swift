/// The version printed by `hogctl --version` and sent in the `User-Agent` header.
public enum HogctlVersion {
  public static let current = "0.1.0"
}
