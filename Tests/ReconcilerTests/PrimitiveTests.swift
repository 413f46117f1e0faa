import Reconciler
import Testing

@Suite struct PrimitiveTests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
  ])
  func sha256MatchesTheStandardVectors(input: String, digest: String) {
    #expect(SHA256.hexDigest(input) == digest)
  }

  @Test func sha256OfAMillionAs() {
    #expect(
      SHA256.hexDigest([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }

  @Test func globs() {
    #expect(NameGlob("Legacy *").matches("Legacy hook"))
    #expect(!NameGlob("Legacy *").matches("New Legacy hook"))
    #expect(NameGlob("*bot?").matches("Drop bots"))
    #expect(NameGlob("a*b*c").matches("aXXbYYc"))
    #expect(!NameGlob("a*b*c").matches("aXXbYY"))
    #expect(NameGlob("*").matches(""))
  }
}

@Suite struct IncrementalSHA256Tests {
  @Test func piecesHashLikeTheWhole() {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 1000, 4099] {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      var hasher = SHA256Hasher()
      var offset = 0
      while offset < bytes.count {
        let piece = min(bytes.count - offset, Int.random(in: 1...130, using: &generator))
        bytes[offset..<(offset + piece)].withUnsafeBufferPointer { hasher.update($0) }
        offset += piece
      }
      #expect(SHA256.hex(hasher.finalize()) == SHA256.hexDigest(bytes), "length \(length)")
    }
  }
}
