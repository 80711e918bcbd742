import Testing

@testable import WelltreeCore

@Suite("Risk condition language")
struct RiskConditionTests {
    @Test(
        "parses and prints with the grammar's precedence",
        arguments: [
            ("default", "default"),
            ("  default \n", "default"),
            ("a", "a"),
            ("a && b", "a && b"),
            ("a || b && c", "a || b && c"),
            ("(a || b) && c", "(a || b) && c"),
            ("a&&b||c", "a && b || c"),
            ("!a", "!a"),
            ("!!a", "!!a"),
            ("!(a || b)", "!(a || b)"),
            ("((a))", "a"),
            ("(a && b) && c", "a && b && c"),
            ("(!A) || (!B) || (!C)", "!A || !B || !C"),
            ("\tchoice_1 && choice_2 && choice_3 ", "choice_1 && choice_2 && choice_3"),
            (
                "((choice_1 || choice_2) && choice_3) || (!choice_1 && choice_3)",
                "(choice_1 || choice_2) && choice_3 || !choice_1 && choice_3"
            ),
        ])
    func parses(text: String, printed: String) throws {
        let condition = try RiskCondition.parse(text)
        #expect(condition.description == printed)
        #expect(try RiskCondition.parse(printed) == condition)
    }

    @Test("&& binds tighter than ||")
    func precedence() throws {
        #expect(try RiskCondition.parse("a || b && c") == .or([.choice("a"), .and([.choice("b"), .choice("c")])]))
        #expect(try RiskCondition.parse("a && b || c") == .or([.and([.choice("a"), .choice("b")]), .choice("c")]))
        #expect(try RiskCondition.parse("!a && b") == .and([.not(.choice("a")), .choice("b")]))
    }

    @Test("default inside an expression is an ordinary id")
    func defaultInsideExpression() throws {
        #expect(try RiskCondition.parse("a || default") == .or([.choice("a"), .choice("default")]))
        #expect(try RiskCondition.parse("a || default").choiceIds == ["a", "default"])
    }

    @Test(
        "reports what was expected and where",
        arguments: [
            ("", "the condition is empty", 1),
            ("   ", "the condition is empty", 4),
            ("(ops_a || ops_b && ops_c", "expected ')', found the end of the condition", 25),
            ("a && (b || c))", "expected '&&', '||' or the end of the condition, found ')'", 14),
            ("a & b", "expected '&&'", 3),
            ("a | b", "expected '||'", 3),
            ("a && ", "expected a choice id, '!' or '(', found the end of the condition", 6),
            ("a b", "expected '&&', '||' or the end of the condition, found 'b'", 3),
            ("a = b", "unexpected character '='", 3),
            ("|| a", "expected a choice id, '!' or '(', found '||'", 1),
            ("default && a", "expected the end of the condition after 'default', found '&&'", 9),
            ("()", "expected a choice id, '!' or '(', found ')'", 2),
        ])
    func rejects(text: String, message: String, column: Int) {
        #expect(throws: ConditionSyntaxError(message: message, column: column)) { try RiskCondition.parse(text) }
    }

    @Test("error text names the column")
    func errorDescription() {
        #expect(ConditionSyntaxError(message: "expected ')'", column: 18).description == "expected ')' at column 18")
    }

    @Test("deep nesting is refused instead of exhausting the stack")
    func depthLimit() {
        let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        #expect(throws: ConditionSyntaxError.self) { try RiskCondition.parse(deep) }
        let fine = String(repeating: "!", count: 64) + "a"
        #expect(throws: Never.self) { try RiskCondition.parse(fine) }
    }

    @Test("lists the ids it mentions once each, in order")
    func choiceIds() throws {
        #expect(try RiskCondition.parse("(b || a) && !b && c").choiceIds == ["b", "a", "c"])
        #expect(try RiskCondition.parse("default").choiceIds == [])
    }
}
