import Foundation
import Testing

@testable import Emulator

@Suite struct IconCatalogTests {
  let icons = IconCatalog()

  @Test func searchMatchesIdOrNameAndNeedsAQuery() {
    #expect(
      icons.search("slack")
        == [
          jsonValue(
            #"{"id": "slack.com", "name": "Slack", "url": "/api/projects/@current/hog_functions/icon/?id=slack.com"}"#
          )
        ])
    #expect(icons.search("HOG").compactMap { $0["id"]?.stringValue } == ["posthog.com"])
    #expect(icons.search("") == [])
    #expect(icons.search("nothing-like-this") == [])
  }

  @Test func unknownIconsHaveNoBytes() {
    #expect(icons.png("unknown.example") == nil)
  }

  @Test(arguments: IconCatalog.builtins.map(\.id))
  func everyIconIsAValidPNG(id: String) throws {
    let bytes = [UInt8](try #require(icons.png(id)))
    #expect(Array(bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var chunks: [(type: String, data: [UInt8])] = []
    var offset = 8
    while offset < bytes.count {
      let length = Int(readUInt32(bytes, offset))
      let typeAndData = Array(bytes[offset + 4..<offset + 8 + length])
      #expect(
        readUInt32(bytes, offset + 8 + length) == bitwiseCRC32(typeAndData), "CRC of chunk at \(offset)")
      chunks.append((String(decoding: typeAndData.prefix(4), as: UTF8.self), Array(typeAndData.dropFirst(4))))
      offset += 12 + length
    }
    #expect(offset == bytes.count)
    #expect(chunks.map(\.type) == ["IHDR", "IDAT", "IEND"])
    let header = chunks[0].data
    let width = Int(readUInt32(header, 0))
    let height = Int(readUInt32(header, 4))
    #expect(width == 32 && height == 32)
    #expect(Array(header[8...]) == [8, 2, 0, 0, 0])

    let pixels = try inflateStored(chunks[1].data)
    #expect(pixels.count == height * (1 + width * 3))
    for row in 0..<height { #expect(pixels[row * (1 + width * 3)] == 0) }
    #expect(chunks[2].data.isEmpty)
  }

  func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
  }

  /// CRC-32 computed bit by bit, independently of the encoder's table.
  func bitwiseCRC32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
      crc ^= UInt32(byte)
      for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
    }
    return ~crc
  }

  struct NotStored: Error {}

  /// Reads a zlib stream made only of stored blocks and checks its header and Adler-32.
  func inflateStored(_ stream: [UInt8]) throws -> [UInt8] {
    #expect((Int(stream[0]) * 256 + Int(stream[1])) % 31 == 0)
    #expect(stream[0] & 0x0F == 8)
    var output: [UInt8] = []
    var offset = 2
    var last = false
    while !last {
      last = stream[offset] & 1 == 1
      guard stream[offset] >> 1 & 0b11 == 0 else { throw NotStored() }
      let length = Int(stream[offset + 1]) | Int(stream[offset + 2]) << 8
      let complement = Int(stream[offset + 3]) | Int(stream[offset + 4]) << 8
      #expect(length ^ complement == 0xFFFF)
      output += stream[offset + 5..<offset + 5 + length]
      offset += 5 + length
    }
    var a = 1
    var b = 0
    for byte in output {
      a = (a + Int(byte)) % 65_521
      b = (b + a) % 65_521
    }
    #expect(readUInt32(stream, offset) == UInt32(b << 16 | a))
    #expect(offset + 4 == stream.count)
    return output
  }
}
