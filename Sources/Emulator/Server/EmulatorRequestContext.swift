import Hummingbird
import NIOCore

/// The per-request context: Hummingbird's core storage plus the connection's channel, which
/// fault injection closes to drop a connection without writing a response.
struct EmulatorRequestContext: RequestContext {
  var coreContext: CoreRequestContextStorage
  let channel: any Channel

  init(source: ApplicationRequestContextSource) {
    self.coreContext = .init(source: source)
    self.channel = source.channel
  }

  /// Bodies up to 16 MB are read; the `hog` size rule (100 KB) is checked by the rules.
  var maxUploadSize: Int { 16 * 1024 * 1024 }
}
