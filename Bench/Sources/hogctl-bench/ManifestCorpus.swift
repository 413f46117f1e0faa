import Foundation

/// A manifest directory of `count` functions, one file each, shaped like a real repository:
/// destinations (webhook code, a URL, a JSON body, a secret read with `!env`, event filters) and
/// up to 10 transformations in a set order (PostHog allows 20 enabled transformations a team).
/// `revision` changes one input of the first `changed` functions, for the apply benchmark.
struct ManifestCorpus {
  var count: Int
  var revision = 0
  var changed = 0

  static let secretVariable = "BENCH_SIGNING_SECRET"

  func name(_ index: Int) -> String { String(format: "Bench function %05d", index) }
  func isTransformation(_ index: Int) -> Bool { index % 10 == 9 && index < 100 }

  func write(to directory: URL) throws {
    let manager = FileManager.default
    try? manager.removeItem(at: directory)
    try manager.createDirectory(at: directory, withIntermediateDirectories: true)
    try settings.write(to: directory.appendingPathComponent("hogctl.yaml"), atomically: true, encoding: .utf8)
    let functions = directory.appendingPathComponent("functions")
    try manager.createDirectory(at: functions, withIntermediateDirectories: true)
    for index in 0..<count {
      let file = functions.appendingPathComponent(String(format: "function-%05d.yaml", index))
      try manifest(index).write(to: file, atomically: false, encoding: .utf8)
    }
  }

  var settings: String {
    let order = (0..<count).filter(isTransformation).map { "\"\(name($0))\"" }.joined(separator: ", ")
    return """
      version: 1
      project:
        api_path: environments
      manage:
        types: [destination, transformation]
        prune: false
      safety:
        max_delete_percent: 30
        max_update_percent: 100
      order:
        transformation: [\(order)]

      """
  }

  func manifest(_ index: Int) -> String {
    isTransformation(index) ? transformation(index) : destination(index)
  }

  private func url(_ index: Int) -> String {
    let revision = index < changed ? revision : 0
    return "https://hooks.example.com/bench/\(index)?revision=\(revision)"
  }

  private func destination(_ index: Int) -> String {
    """
    type: destination
    name: \(name(index))
    description: Posts matching events to the backend, signed with a shared secret
    enabled: true
    hog: |
      let payload := {
        'event': inputs.body.event,
        'distinct_id': inputs.body.distinct_id,
        'url': inputs.url
      }
      let res := fetch(inputs.url, {'method': 'POST', 'body': payload})
      if (res.status >= 400) {
        throw Error('Webhook failed')
      }
    inputs_schema:
      - {key: url, type: string, label: Webhook URL, required: true}
      - {key: body, type: json, label: JSON body, default: {event: "{event}"}}
      - {key: signing_secret, type: string, label: Signing secret, secret: true, required: true}
    inputs:
      url: \(url(index))
      body:
        event: "{event.event}"
        distinct_id: "{event.distinct_id}"
        plan: "{event.properties.plan}"
      signing_secret: !env \(Self.secretVariable)
    filters:
      events:
        - id: \(["$pageview", "$signup", "purchase"][index % 3])
      filter_test_accounts: true

    """
  }

  private func transformation(_ index: Int) -> String {
    """
    type: transformation
    name: \(name(index))
    description: Adds a region property derived from the URL
    enabled: true
    hog: |
      let returnEvent := event
      returnEvent.properties.bench_source := inputs.url
      return returnEvent
    inputs_schema:
      - {key: url, type: string, label: Source URL, required: true}
    inputs:
      url: \(url(index))

    """
  }
}
