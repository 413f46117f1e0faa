import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A program run as a child process with posix_spawn, so that `wait4` can report its own peak
/// memory (Foundation's `Process` reaps the child itself and loses the resource usage).
struct ChildProcess {
  struct Outcome {
    var exitCode: Int32
    var seconds: Double
    /// Peak resident set size of the child alone, in bytes.
    var peakMemoryBytes: Int
  }

  struct SpawnError: Error, CustomStringConvertible {
    var description: String
  }

  let pid: pid_t
  let started: ContinuousClock.Instant

  /// Starts `executable` with `arguments`; stdin is /dev/null, stdout and stderr go to files.
  static func start(
    _ executable: String, _ arguments: [String], environment: [String: String], stdout: String,
    stderr: String
  ) throws -> ChildProcess {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let started = ContinuousClock.now
    let status = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard status == 0 else {
      throw SpawnError(description: "cannot start \(executable): \(String(cString: strerror(status)))")
    }
    return ChildProcess(pid: pid, started: started)
  }

  /// Runs to the end and measures it.
  static func run(
    _ executable: String, _ arguments: [String], environment: [String: String], stdout: String,
    stderr: String
  ) async throws -> Outcome {
    let child = try start(executable, arguments, environment: environment, stdout: stdout, stderr: stderr)
    return await child.wait()
  }

  func terminate() {
    kill(pid, SIGTERM)
  }

  /// Waits on a thread of its own so the cooperative pool is never blocked.
  func wait() async -> Outcome {
    let pid = self.pid
    let started = self.started
    return await withCheckedContinuation { continuation in
      Thread.detachNewThread {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = (ContinuousClock.now - started).seconds
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        continuation.resume(
          returning: Outcome(
            exitCode: exitCode, seconds: seconds, peakMemoryBytes: Int(usage.ru_maxrss) * 1024))
      }
    }
  }
}

extension Duration {
  var seconds: Double {
    let (whole, attoseconds) = components
    return Double(whole) + Double(attoseconds) / 1e18
  }
}
