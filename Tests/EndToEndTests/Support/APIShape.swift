import TestSupport
import Testing

/// Checks a command's JSON output against an API operation's response shape.
func expectShape(_ operation: String, _ result: RunResult) throws {
    let problem = try APIShapeChecker.problem(operation, json: result.stdout)
    #expect(problem == nil, "\(problem ?? "")")
}
