import Foundation

/// Test results as JUnit XML, the format CI systems read for test reports: one `<testsuite>` per
/// function, one `<testcase>` per test, `<failure>` and `<skipped>` as JUnit defines them.
enum JUnitReport {
  static func render(_ results: [TestCaseResult]) -> String {
    var suites: [(name: String, file: String, cases: [TestCaseResult])] = []
    for result in results {
      let name = result.test.function.name
      if let last = suites.indices.last, suites[last].name == name {
        suites[last].cases.append(result)
      } else {
        suites.append((name, result.test.function.location.file, [result]))
      }
    }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"hogctl test\"\(counts(results))>\n"
    for suite in suites {
      xml += "  <testsuite name=\"\(escape(suite.name))\"\(counts(suite.cases))>\n"
      for result in suite.cases {
        xml +=
          "    <testcase name=\"\(escape(result.test.name))\" classname=\"\(escape(suite.name))\" "
          + "file=\"\(escape(suite.file))\" time=\"\(seconds(result.seconds))\""
        switch result.outcome {
        case .passed:
          xml += "/>\n"
        case .failed(let problems):
          xml += ">\n      <failure message=\"\(escape(problems.first ?? "failed"))\" type=\"failure\">"
          xml += escape(problems.joined(separator: "\n")) + "</failure>\n    </testcase>\n"
        case .skipped(let reason):
          xml += ">\n      <skipped message=\"\(escape(reason))\"/>\n    </testcase>\n"
        }
      }
      xml += "  </testsuite>\n"
    }
    return xml + "</testsuites>\n"
  }

  private static func counts(_ results: [TestCaseResult]) -> String {
    let (_, failures, skipped) = TestResultsText.counts(results)
    let time = results.reduce(0) { $0 + $1.seconds }
    return " tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" "
      + "time=\"\(seconds(time))\""
  }

  private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

  /// Escapes markup and drops the control characters XML 1.0 cannot hold at all.
  static func escape(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&apos;"
      case "\n": escaped += "&#10;"
      case "\t", "\r": escaped += "&#\(scalar.value);"
      default:
        if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return escaped
  }
}
