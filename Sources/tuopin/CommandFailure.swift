import ArgumentParser
import TuopinDomain

/// A failure a command reports in one line and a non-zero exit. Refusals from the domain, the store and
/// the file formats are reported as they are (ArgumentParser prints their `description`, "中文 / English");
/// this is for what only the command knows (a file it cannot write, a step that failed).
struct CommandFailure: Refusal {
    let chinese: String
    let english: String
    var kind: RefusalKind { .invalid }

    init(_ chinese: String, _ english: String) {
        self.chinese = chinese
        self.english = english
    }

    /// A message already in both languages ("中文 / English").
    init(_ message: String) {
        self.init(message, "")
    }
}
