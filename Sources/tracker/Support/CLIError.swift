import Foundation

/// An error for the user, printed by ArgumentParser as `Error: message` and a hint.
struct CLIError: Error, CustomStringConvertible {
    let message: String
    let hint: String?

    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }

    var description: String {
        guard let hint else { return message }
        return "\(message)\nHint: \(hint)"
    }
}
