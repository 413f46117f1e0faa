import Foundation
import Testing

@testable import PostHogAPI

@Suite struct APIErrorTests {
  /// The error a single scripted answer to `PATCH {id}/` produces, and its text.
  func error(for response: APIResponse) async throws -> (APIError, String) {
    let transport = FakeTransport([.respond(response)])
    do {
      _ = try await TestSettings.client(transport).updateHogFunction(id: "f1", ["name": "Hook"])
    } catch let error as APIError {
      return (error, error.localizedDescription)
    }
    throw APIError.unsupported("no error")
  }

  @Test func unauthorizedSaysToCheckTheKey() async throws {
    let (error, text) = try await error(
      for: .posthogError(
        401, type: "authentication_error", code: "authentication_failed", detail: "Invalid token."))
    #expect(error.status == 401)
    #expect(error.code == "authentication_failed")
    #expect(text.contains("POSTHOG_PERSONAL_API_KEY"))
    #expect(text.hasPrefix("PATCH /api/environments/7/hog_functions/f1/ (function 'Hook', id f1): 401"))
  }

  @Test func aMissingScopeIsNamed() async throws {
    let (_, text) = try await error(
      for: .posthogError(
        403, type: "authentication_error", code: "permission_denied",
        detail: "API key missing required scope 'hog_function:write'"))
    #expect(text.contains("lacks the scope 'hog_function:write'"))
    #expect(text.contains("add 'hog_function:write'"))
  }

  @Test func personalKeysRefusedByAnActionAreExplained() async throws {
    let (_, text) = try await error(
      for: .posthogError(
        403, type: "authentication_error", code: "permission_denied",
        detail: "This action does not support Personal API Key access"))
    #expect(text.contains("does not accept personal API keys for this action"))
  }

  @Test func validationErrorsNameTheField() async throws {
    let (error, text) = try await error(
      for: .posthogError(
        400, type: "validation_error", code: "invalid_input", detail: "This field is required.",
        attr: "inputs__url"))
    #expect(error.attr == "inputs__url")
    #expect(
      text.hasSuffix(
        "400 PostHog rejected the request at field 'inputs__url': This field is required. [invalid_input]"))
  }

  @Test func rawFieldErrorsOfInvocationsAreFlattened() async throws {
    let (error, _) = try await error(for: .json(400, ["configuration": ["hog": ["Hog code has errors."]]]))
    #expect(error.attr == "configuration__hog")
    #expect(error.detail == "Hog code has errors.")
    let (broadcast, _) = try await self.error(
      for: .json(400, ["error": "Cannot broadcast: function is disabled"]))
    #expect(broadcast.detail == "Cannot broadcast: function is disabled")
  }

  @Test func notFoundOfAFunctionSaysItMayHaveBeenDeleted() async throws {
    let (_, text) = try await error(
      for: .posthogError(404, type: "invalid_request", code: "not_found", detail: "Not found."))
    #expect(text.contains("404 the function does not exist"))
  }

  @Test func anHTMLGatewayPageBecomesAShortReadableSnippet() async throws {
    let html = """
      <html><head><title>502 Bad Gateway</title></head>
      <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>
      """
    let settings = TestSettings.settings(retry: .never)
    let transport = FakeTransport([
      .respond(APIResponse(status: 502, headers: ["Content-Type": "text/html"], body: Data(html.utf8)))
    ])
    let client = try PostHogClient(settings: settings, transport: transport)
    do {
      _ = try await client.getHogFunction(id: "f1")
      Issue.record("expected an error")
    } catch let error as APIError {
      #expect(error.failure?.bodySnippet == "502 Bad Gateway")
      #expect(
        error.localizedDescription.contains("502 PostHog failed to answer. the server said: 502 Bad Gateway"))
      #expect(!error.localizedDescription.contains("<"))
    }
  }

  @Test func snippetsOfLongBodiesAreCut() {
    let body = Data(String(repeating: "word ", count: 200).utf8)
    let snippet = HTTPFailure.snippet(of: body)
    #expect(snippet.count == 201)
    #expect(snippet.hasSuffix("…"))
  }

  @Test func connectionErrorsAreReadable() async throws {
    let settings = TestSettings.settings(retry: .never)
    let client = try PostHogClient(
      settings: settings, transport: FakeTransport([.fail(.cannotConnect("Connection refused"))]))
    do {
      _ = try await client.getHogFunction(id: "f1")
    } catch {
      #expect(
        error.localizedDescription.contains(
          "could not connect to PostHog (Connection refused). Check the host"))
    }
    let timeout = try PostHogClient(settings: settings, transport: FakeTransport([.fail(.timedOut)]))
    do {
      _ = try await timeout.getHogFunction(id: "f1")
    } catch {
      #expect(error.localizedDescription.contains("did not answer in time"))
    }
  }

  @Test func throttlingThatOutlastsTheRetriesSaysWhatToDo() async throws {
    let settings = TestSettings.settings(retry: RetryPolicy(maxAttempts: 2))
    let answer = APIResponse.posthogError(
      429, type: "throttled_error", code: "throttled", detail: "Request was throttled.",
      headers: ["Retry-After": "2"])
    let client = try PostHogClient(
      settings: settings, transport: FakeTransport([.respond(answer), .respond(answer)]),
      clock: ManualClock().clock)
    do {
      _ = try await client.getHogFunction(id: "f1")
    } catch {
      #expect(error.localizedDescription.contains("429 rate limited by PostHog after 2 attempt(s)"))
      #expect(error.localizedDescription.contains("Lower --parallelism"))
    }
  }
}
