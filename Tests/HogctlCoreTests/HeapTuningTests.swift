import Foundation
import HogctlCore
import Testing

#if os(Linux)
  struct HeapTuningTests {
    @Test func theAllocatorTookTheSettingAsTheProgramLoaded() {
      #expect(HeapTuning.isHeapGrowthPadded)
    }

    /// The effect itself: memory a new thread allocates sits in a heap already writable for
    /// tens of megabytes, where glibc's default makes it writable a page at a time.
    @Test func aNewThreadsHeapIsWritableInOneLargeStep() throws {
      let address = Self.addressAllocatedOnNewThread()
      let maps = try String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
      let region = try #require(Self.region(containing: address, in: maps))
      #expect(region.permissions.hasPrefix("rw"))
      #expect(region.size >= 16 << 20, "the heap is writable for \(region.size) bytes only")
    }

    private static func addressAllocatedOnNewThread() -> UInt {
      let result = LockedAddress()
      let done = DispatchSemaphore(value: 0)
      let thread = Thread {
        let block = malloc(64)!
        result.value = UInt(bitPattern: block)
        free(block)
        done.signal()
      }
      thread.start()
      done.wait()
      return result.value
    }

    private static func region(containing address: UInt, in maps: String) -> (
      size: UInt, permissions: String
    )? {
      for line in maps.split(separator: "\n") {
        let fields = line.split(separator: " ")
        let bounds = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
        guard bounds.count == 2, bounds[0] <= address, address < bounds[1] else { continue }
        return (bounds[1] - bounds[0], String(fields[1]))
      }
      return nil
    }
  }

  private final class LockedAddress: @unchecked Sendable {
    // Written by the thread before it signals, read after the wait: the semaphore orders them.
    var value: UInt = 0
  }
#endif
