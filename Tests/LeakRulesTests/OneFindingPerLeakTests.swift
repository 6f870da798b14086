import Testing
@testable import LeakRules

/// Each leak is one finding, at the place to fix; the leak's other places
/// are the finding's related locations.
@Suite struct OneFindingPerLeak {
    @Test func loopVariableUsedThreeTimesInAClosureIsOneFinding() {
        let findings = InlineLint.findings("""
            package p

            func send(string, string) {}

            func notifyAll(hooks []string) {
            	for _, hook := range hooks {
            		go func() {
            			if hook != "" {
            				send(hook, "hello "+hook)
            			}
            		}()
            	}
            }

            """)
        #expect(findings == [InlineLint.Finding(
            position: "8:7", ruleID: "loop-var-capture",
            message: "loop variable hook captured by a goroutine: all goroutines may see the last value (before Go 1.22); pass it as an argument or copy it with hook := hook",
            related: ["9:10 also used here", "9:25 also used here"])])
    }

    @Test func capturedAndStoredAddressOfOneVariableIsOneFinding() {
        let findings = InlineLint.findings("""
            package p

            func keep(items []int) []*int {
            	var out []*int
            	for _, v := range items {
            		out = append(out, &v)
            		defer func() { println(v) }()
            	}
            	return out
            }

            """)
        #expect(findings.map(\.position) == ["6:21"])
        #expect(findings.first?.message.hasPrefix("address of loop variable v outlives the iteration") == true)
        #expect(findings.first?.related == ["7:26 also used here"])
    }

    @Test func lostCancelIsOneFindingAtTheCallWithTheReturnRelated() {
        let findings = InlineLint.findings("""
            package p

            import "context"

            func run(parent context.Context, fail bool) error {
            	ctx, cancel := context.WithCancel(parent)
            	if fail {
            		return nil
            	}
            	cancel()
            	return ctx.Err()
            }

            """)
        #expect(findings.count == 1)
        #expect(findings.first?.position == "6:17")
        #expect(findings.first?.related == ["8:3 this return leaves cancel uncalled"])
    }

    @Test func twoSendsOnOneChannelAreOneFinding() {
        let findings = InlineLint.findings("""
            package p

            import "errors"

            func load(id string) (string, error) {
            	replies := make(chan error)
            	go func() {
            		if id == "" {
            			replies <- errors.New("empty")
            			return
            		}
            		replies <- nil
            	}()
            	if len(id) > 10 {
            		return "", errors.New("too long")
            	}
            	return id, <-replies
            }

            """)
        #expect(findings.map(\.position) == ["9:4"])
        #expect(findings.first?.ruleID == "goroutine-send-leak")
        #expect(findings.first?.related == ["15:3 this return does not receive from replies", "12:3 also sends on replies here"])
    }

    @Test func placesOfDifferentLeaksStayApart() {
        // Two loop variables are two leaks (two copies to make): two findings.
        let findings = InlineLint.findings("""
            package p

            func pairs(m map[string]int) {
            	for k, v := range m {
            		go func() { println(k, v) }()
            	}
            }

            """)
        #expect(findings.map(\.position) == ["5:23", "5:26"])
        #expect(findings.allSatisfy { $0.related.isEmpty })
    }
}
