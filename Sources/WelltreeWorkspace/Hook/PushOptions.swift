import Foundation
import WelltreeCore

/// The push options a hook receives (`git push -o OPTION`, as `GIT_PUSH_OPTION_COUNT` and
/// `GIT_PUSH_OPTION_<n>`; the server advertises them with `receive.advertisePushOptions`).
///
/// Welltree reads one: `welltree.override=REASON`, with which an administrator rewrites a
/// protected branch. Options outside `welltree.` are left to other hooks.
package struct PushOptions: Sendable, Equatable {
    /// The option that carries an administrator's override, and its reason.
    package static let overrideKey = "welltree.override"

    /// The reason given with `welltree.override`, if any.
    package var override: String?
    /// Why the options cannot be taken (an empty reason, an unknown `welltree.` option).
    package var problem: String?

    package init(_ environment: [String: String]) {
        let count = environment["GIT_PUSH_OPTION_COUNT"].flatMap { Int($0) } ?? 0
        for index in 0..<max(0, min(count, 100)) {
            guard let option = environment["GIT_PUSH_OPTION_\(index)"], option.hasPrefix("welltree.") else { continue }
            let (key, value) =
                option.firstIndex(of: "=").map { (String(option[..<$0]), String(option[option.index(after: $0)...])) }
                ?? (option, "")
            guard key == Self.overrideKey else {
                problem = "unknown push option \(key); Welltree reads only \(Self.overrideKey)=REASON"
                continue
            }
            let reason = value.trimmingCharacters(in: .whitespaces)
            if reason.isEmpty || UnsafeCharacter.occurs(in: reason) {
                problem = "\(Self.overrideKey) needs a reason for the audit record, on one line: git push -o '\(Self.overrideKey)=REASON'"
            } else {
                override = reason
            }
        }
    }
}
