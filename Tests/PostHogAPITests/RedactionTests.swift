import Foundation
import HogctlJSON
import Testing

@testable import PostHogAPI

@Suite struct RedactionTests {
  static let secretBody: JSONObject = [
    "name": "Hook",
    "inputs_schema": [
      ["key": "token", "type": "string", "secret": true],
      ["key": "headers", "type": "dictionary", "secret": true],
      ["key": "url", "type": "string"],
    ],
    "inputs": [
      "token": ["value": "sk_live_\"quoted\"_value"],
      "headers": ["value": ["X-Auth": "hdr-secret-123"]],
      "url": ["value": "https://example.com/hook"],
    ],
    "mappings": [
      [
        "inputs_schema": [["key": "pw", "type": "string", "secret": true]],
        "inputs": ["pw": ["value": "mapping-pass"]],
      ]
    ],
  ]

  @Test func secretInputValuesAreFoundAtTheTopAndInMappings() {
    let values = Set(SecretInputs.values(in: Self.secretBody))
    #expect(values.contains("sk_live_\"quoted\"_value"))
    #expect(values.contains("hdr-secret-123"))
    #expect(values.contains("mapping-pass"))
    #expect(!values.contains("https://example.com/hook"))
  }

  @Test func theKeyAndSecretsAreReplacedAlsoInTheirJSONForm() {
    var redactor = Redactor(apiKey: "phx_abc123")
    redactor.addSecrets(in: Self.secretBody)
    let text = redactor.redact("key phx_abc123 body \(JSONValue.object(Self.secretBody).serialized())")
    #expect(!text.contains("phx_abc123"))
    #expect(!text.contains("quoted"))
    #expect(!text.contains("hdr-secret-123"))
    #expect(!text.contains("mapping-pass"))
    #expect(text.contains("[redacted]"))
    #expect(text.contains("(sensitive)"))
    #expect(text.contains("https://example.com/hook"))
  }

  @Test func theDebugTraceNeverShowsTheKeyOrSecrets() async throws {
    let lines = TraceLines()
    let transport = FakeTransport([
      .respond(
        .posthogError(
          400, type: "validation_error", code: "invalid_input", detail: "bad value mapping-pass",
          attr: "inputs__pw"))
    ])
    let client = try TestSettings.client(transport, trace: { lines.append($0) })
    await #expect(throws: APIError.self) { _ = try await client.createHogFunction(Self.secretBody) }
    let trace = lines.all.joined(separator: "\n")
    #expect(trace.contains("→ POST https://posthog.example.com/api/environments/7/hog_functions/"))
    #expect(trace.contains("Authorization: Bearer [redacted]"))
    #expect(trace.contains("← 400 POST"))
    for secret in [TestSettings.apiKey, "quoted", "hdr-secret-123", "mapping-pass"] {
      #expect(!trace.contains(secret), "trace shows \(secret)")
    }
    // The request really carried them.
    let sent = String(decoding: transport.requests[0].body!, as: UTF8.self)
    #expect(sent.contains("mapping-pass"))
  }

  @Test func errorsNeverShowTheKeyOrSecrets() async throws {
    let transport = FakeTransport([
      .respond(APIResponse(status: 400, body: Data("echo \(TestSettings.apiKey) and hdr-secret-123".utf8)))
    ])
    let client = try TestSettings.client(transport)
    do {
      _ = try await client.updateHogFunction(id: "f", Self.secretBody)
      Issue.record("expected an error")
    } catch {
      let text = "\(error.localizedDescription) \(error)"
      #expect(!text.contains(TestSettings.apiKey))
      #expect(!text.contains("hdr-secret-123"))
      #expect(text.contains("(sensitive)"))
    }
  }

  @Test func valuesTooShortToBeSecretsAreLeftAlone() {
    let redactor = Redactor(secrets: ["ab", "abc"])
    #expect(redactor.redact("ab abc") == "ab (sensitive)")
  }
}

final class TraceLines: @unchecked Sendable {
  private let lock = NSLock()
  private var lines: [String] = []

  func append(_ line: String) { lock.withLock { lines.append(line) } }
  var all: [String] { lock.withLock { lines } }
}

@Suite struct SecretMemoryTests {
  @Test func aSecretSentEarlierIsHiddenInLaterTraces() async throws {
    let lines = TraceLines()
    let transport = FakeTransport([
      .respond(.json(201, functionJSON(id: "a", name: "Hook"))),
      // A server that echoes the secret back in a later answer.
      .respond(.json(200, ["inputs": ["token": ["value": "earlier-secret-9"]]])),
    ])
    let client = try TestSettings.client(transport, trace: { lines.append($0) })
    _ = try await client.createHogFunction([
      "name": "Hook", "inputs_schema": [["key": "token", "type": "string", "secret": true]],
      "inputs": ["token": ["value": "earlier-secret-9"]],
    ])
    _ = try? await client.getHogFunction(id: "a")
    #expect(lines.all.count == 4)
    #expect(!lines.all.joined().contains("earlier-secret-9"))
  }
}

@Suite struct APIKeySourceTests {
  @Test func theFileWinsAndIsTrimmed() throws {
    let key = try APIKeySource.resolve(
      file: ("key.txt", "phx_file\n"), environment: ["POSTHOG_PERSONAL_API_KEY": "phx_env"])
    #expect(key == "phx_file")
  }

  @Test func theEnvironmentIsUsedWithoutAFile() throws {
    #expect(
      try APIKeySource.resolve(file: nil, environment: ["POSTHOG_PERSONAL_API_KEY": "phx_env"]) == "phx_env")
  }

  @Test func aMissingOrEmptyKeyExplainsWhereToPutIt() {
    #expect(throws: APIKeySource.Failure.missing) { try APIKeySource.resolve(file: nil, environment: [:]) }
    #expect(throws: APIKeySource.Failure.emptyFile("k")) {
      try APIKeySource.resolve(file: ("k", " \n"), environment: [:])
    }
    #expect(APIKeySource.Failure.missing.localizedDescription.contains("POSTHOG_PERSONAL_API_KEY"))
  }
}
