import CHeapTuning

/// The allocator setting hogctl's programs start with (applied in CHeapTuning as they load).
///
/// glibc grows a worker thread's heap one page at a time, and each step is an `mprotect` call
/// that also takes the process's memory-map lock, stalling the other core's page faults: loading
/// 10,000 manifests made some 17,000 of them, more than the calls opening and reading the files.
/// Padding heap growth to 64 MB makes a thread's heap writable in one step when it is created
/// and lets the main heap grow in large steps. Pages still take memory only once written, so
/// the peak resident size does not grow with the padding.
public enum HeapTuning {
  /// Whether the setting was taken; false on C libraries other than glibc, which need none.
  public static var isHeapGrowthPadded: Bool { hogctl_heap_growth_padded() == 1 }
}
