import Emulator
import Foundation
import PostHogAPI
import Testing

/// Auth errors and the projects path, against the live emulator.
@Suite struct EmulatorAuthTests {
  static let readKey = "phx_read_only_key_for_tests_0001"
  static let configuration = EmulatorConfiguration(
    port: 0,
    apiKeys: [.init(key: "phx_all_scopes_key_for_tests_01", scope: .all), .init(key: readKey, scope: .read)],
    rateLimit: nil)

  @Test func aReadOnlyKeyNamesTheMissingScope() async throws {
    try await withEmulator(Self.configuration, client: { $0.apiKey = Self.readKey }) { _, client, _ in
      #expect(try await client.listHogFunctions(types: ["destination"]).isEmpty)
      do {
        _ = try await client.createHogFunction(["name": "Hook", "hog": "return 1"])
        Issue.record("expected a 403")
      } catch let error as APIError {
        #expect(error.status == 403)
        #expect(error.localizedDescription.contains("lacks the scope 'hog_function:write'"))
        #expect(!error.localizedDescription.contains(Self.readKey))
      }
    }
  }

  @Test func anUnknownKeySaysToCheckTheKey() async throws {
    try await withEmulator(Self.configuration, client: { $0.apiKey = "phx_not_a_known_key_000000" }) {
      _, client, _ in
      do {
        _ = try await client.listHogFunctions(types: ["destination"])
        Issue.record("expected a 401")
      } catch let error as APIError {
        #expect(error.status == 401)
        #expect(error.localizedDescription.contains("POSTHOG_PERSONAL_API_KEY"))
        #expect(!error.localizedDescription.contains("phx_not_a_known_key_000000"))
      }
    }
  }

  @Test func theProjectsPathAndCurrentProjectWork() async throws {
    try await withEmulator(client: {
      $0.apiPath = .projects; $0.projectID = "@current"
    }) { _, client, admin in
      let created = try await client.createHogFunction(["name": "Hook", "hog": "return 1"])
      #expect(try await client.getHogFunction(id: created.id).name == "Hook")
      #expect(try await admin.count("POST /api/projects/{project_id}/hog_functions/") == 1)
    }
  }

  @Test func aMissingFunctionIsANotFoundWithAHint() async throws {
    try await withEmulator { _, client, _ in
      do {
        _ = try await client.getHogFunction(id: "00000000-0000-0000-0000-000000000000")
        Issue.record("expected a 404")
      } catch let error as APIError {
        #expect(error.status == 404)
        #expect(error.localizedDescription.contains("the function does not exist"))
      }
    }
  }
}
