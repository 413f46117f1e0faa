import Testing

@testable import Manifests

struct ManifestPathTests {
  /// The last non-empty component, as splitting on `/` gives it.
  @Test(arguments: [
    "hogctl.yaml", "functions/slack.yaml", "/abs/dir/hogctl.yml", "a/b/", "a//b//", "/", "", "//", "é/ü.yaml",
    "no-slash",
  ])
  func fileNameIsTheLastNonEmptyComponent(path: String) {
    let expected = path.split(separator: "/").last.map(String.init) ?? path
    #expect(ManifestPath.fileName(of: path) == expected)
  }
}
