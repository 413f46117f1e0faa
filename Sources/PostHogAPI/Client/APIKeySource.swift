import Foundation

/// Where the personal API key comes from: the file given to `--api-key-file`, else
/// `POSTHOG_PERSONAL_API_KEY`. The CLI reads the file and the environment; this decides.
public enum APIKeySource {
  public enum Failure: Error, Sendable, Hashable, LocalizedError {
    case missing
    case emptyFile(String)

    public var errorDescription: String? {
      switch self {
      case .missing:
        "No PostHog API key: set \(ClientSettings.apiKeyEnvironmentVariable) to a personal API key "
          + "(phx_...) with the hog_function:read and hog_function:write scopes, or pass --api-key-file."
      case .emptyFile(let path):
        "The API key file '\(path)' is empty. Put the personal API key (phx_...) in it."
      }
    }
  }

  /// - Parameters:
  ///   - file: the path and contents of `--api-key-file`, when given; it wins over the environment.
  ///   - environment: the process environment.
  public static func resolve(file: (path: String, contents: String)?, environment: [String: String]) throws
    -> String
  {
    if let file {
      let key = file.contents.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !key.isEmpty else { throw Failure.emptyFile(file.path) }
      return key
    }
    let key = environment[ClientSettings.apiKeyEnvironmentVariable]?
      .trimmingCharacters(in: .whitespacesAndNewlines)
    guard let key, !key.isEmpty else { throw Failure.missing }
    return key
  }
}
