import GoSyntax
import Testing
@testable import LeakAnalysis

/// `firstUnstoppedExit`: the exits a leak rule would report, and the paths it must not.
@Suite struct ControlFlowPathTests {
    static let acquire = "ctx, cancel := context.WithCancel(bg)"
    static let released: Set<String> = ["cancel()", "defer cancel()"]

    @Test func releaseOnlyInIfBranchLeavesTheElseReturn() {
        let f = FlowFixture("""
            func f(x bool) error {
            	ctx, cancel := context.WithCancel(bg)
            	if x {
            		cancel()
            		return nil
            	} else {
            		use(ctx)
            		return errors.New("no")
            	}
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "return errors.New(\"no\")@9")
        #expect(f.witness(after: Self.acquire, stoppedBy: ["cancel()", "use(ctx)"]) == "none")
    }

    @Test func deferRightAfterAcquisitionStopsEveryPath() {
        let f = FlowFixture("""
            func f(x bool) error {
            	ctx, cancel := context.WithCancel(bg)
            	defer cancel()
            	if x {
            		return nil
            	}
            	return use(ctx)
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "none")
        #expect(f.witness(after: "defer cancel()", stoppedBy: Self.released) == "return nil@6")
    }

    @Test func earlyReturnBeforeTheItemIsNoWitness() {
        let f = FlowFixture("""
            func f(x bool) {
            	if x {
            		return
            	}
            	ctx, cancel := context.WithCancel(bg)
            	use(ctx)
            	cancel()
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "none")
        #expect(f.witness(after: "x", stoppedBy: Self.released) == "return@4")
    }

    @Test func witnessOfAReturnItemIsItself() {
        let f = FlowFixture("""
            func f() int {
            	return 1
            }
            """)
        #expect(f.witness(after: "return 1", stoppedBy: ["return 1"]) == "return 1@3")
    }

    @Test func fallingOffTheEndIsAWitness() {
        let f = FlowFixture("""
            func f() {
            	ctx, cancel := context.WithCancel(bg)
            	use(ctx, cancel)
            }
            """)
        #expect(f.witness(after: Self.acquire) == "end")
        #expect(f.witness(after: Self.acquire, stoppedBy: ["use(ctx, cancel)"]) == "none")
    }

    @Test func switchReleasingInEveryCase() {
        let withDefault = FlowFixture("""
            func f(x int) {
            	ctx, cancel := context.WithCancel(bg)
            	switch x {
            	case 1:
            		cancel()
            	default:
            		cancel()
            	case 2, 3:
            		cancel()
            	}
            }
            """)
        #expect(withDefault.witness(after: Self.acquire, stoppedBy: Self.released) == "none")

        let withoutDefault = FlowFixture("""
            func f(x int) {
            	ctx, cancel := context.WithCancel(bg)
            	switch x {
            	case 1:
            		cancel()
            	case 2, 3:
            		cancel()
            	}
            }
            """)
        #expect(withoutDefault.witness(after: Self.acquire, stoppedBy: Self.released) == "end")

        let thenReturn = FlowFixture("""
            func f(x int) error {
            	ctx, cancel := context.WithCancel(bg)
            	switch {
            	case x > 1:
            		cancel()
            	}
            	return nil
            }
            """)
        #expect(thenReturn.witness(after: Self.acquire, stoppedBy: Self.released) == "return nil@8")
    }

    @Test func switchFallthroughReachesTheNextClause() throws {
        let falls = FlowFixture("""
            func f(x int) {
            	ctx, cancel := context.WithCancel(bg)
            	switch x {
            	case 1:
            		use(ctx)
            		fallthrough
            	case 2:
            		cancel()
            	default:
            		cancel()
            	}
            }
            """)
        #expect(falls.witness(after: Self.acquire, stoppedBy: Self.released) == "none")
        let caseTwo = try #require(falls.items("cancel()").first)
        let target = try #require(falls.graph.location(of: caseTwo)).block
        #expect(falls.successors(of: "fallthrough") == [.init(target: target)])

        let breaks = FlowFixture("""
            func f(x int) {
            	ctx, cancel := context.WithCancel(bg)
            	switch x {
            	case 1:
            		use(ctx)
            	case 2:
            		cancel()
            	default:
            		cancel()
            	}
            }
            """)
        #expect(breaks.witness(after: Self.acquire, stoppedBy: Self.released) == "end")
    }

    @Test func breakInsideSwitchLeavesOnlyTheSwitch() {
        let f = FlowFixture("""
            func f(x int) {
            	ctx, cancel := context.WithCancel(bg)
            	for {
            		switch x {
            		case 1:
            			break
            		default:
            			cancel()
            			return
            		}
            	}
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "none")
    }

    @Test func typeSwitchWithAndWithoutDefault() {
        let withDefault = FlowFixture("""
            func f(v any) {
            	ctx, cancel := context.WithCancel(bg)
            	switch t := v.(type) {
            	case int:
            		cancel()
            	default:
            		_ = t
            		cancel()
            	}
            }
            """)
        #expect(withDefault.witness(after: Self.acquire, stoppedBy: Self.released) == "none")
        #expect(withDefault.witness(after: "t := v.(type)", stoppedBy: ["_ = t"]) == "end")

        let withoutDefault = FlowFixture("""
            func f(v any) {
            	ctx, cancel := context.WithCancel(bg)
            	switch v.(type) {
            	case int, string:
            		cancel()
            	}
            }
            """)
        #expect(withoutDefault.witness(after: Self.acquire, stoppedBy: Self.released) == "end")
    }

    @Test func selectWithDefault() {
        let f = FlowFixture("""
            func f(ch chan int) error {
            	ctx, cancel := context.WithCancel(bg)
            	select {
            	case <-ch:
            		cancel()
            		return nil
            	case <-ctx.Done():
            		cancel()
            		return ctx.Err()
            	default:
            		return errBusy
            	}
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "return errBusy@12")
    }

    @Test func selectWithoutDefault() {
        let f = FlowFixture("""
            func f(ch chan int) error {
            	ctx, cancel := context.WithCancel(bg)
            	select {
            	case <-ch:
            		cancel()
            		return nil
            	case v := <-ctx.Done():
            		cancel()
            		return ctx.Err()
            	}
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "none")
        #expect(f.witness(after: Self.acquire, stoppedBy: ["<-ch", "cancel()"]) == "none")
        #expect(f.witness(after: Self.acquire, stoppedBy: ["<-ch"]) == "return ctx.Err()@10")
    }

    @Test func emptySelectBlocksForever() {
        let f = FlowFixture("""
            func f() {
            	ctx, cancel := context.WithCancel(bg)
            	go work(ctx)
            	select {}
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "none")
        #expect(f.successors(of: "go work(ctx)").isEmpty)
    }

    @Test func labeledBreakLeavesTheOuterLoop() {
        let labeled = FlowFixture("""
            func f() error {
            	ctx, cancel := context.WithCancel(bg)
            outer:
            	for {
            		for {
            			if done() {
            				break outer
            			}
            			if stop() {
            				cancel()
            				return nil
            			}
            		}
            	}
            	return ctx.Err()
            }
            """)
        #expect(labeled.witness(after: Self.acquire, stoppedBy: Self.released) == "return ctx.Err()@16")

        let unlabeled = FlowFixture("""
            func f() error {
            	ctx, cancel := context.WithCancel(bg)
            outer:
            	for {
            		for {
            			if done() {
            				break
            			}
            			if stop() {
            				cancel()
            				return nil
            			}
            		}
            	}
            	return ctx.Err()
            }
            """)
        #expect(unlabeled.witness(after: Self.acquire, stoppedBy: Self.released) == "none")
    }

    @Test func labeledBreakOutOfSelectInLoop() {
        let labeled = FlowFixture("""
            func f(ch chan int) {
            	ctx, cancel := context.WithCancel(bg)
            loop:
            	for {
            		select {
            		case <-ch:
            			break loop
            		case <-ctx.Done():
            			cancel()
            			return
            		}
            	}
            }
            """)
        #expect(labeled.witness(after: Self.acquire, stoppedBy: Self.released) == "end")

        let unlabeled = FlowFixture("""
            func f(ch chan int) {
            	ctx, cancel := context.WithCancel(bg)
            	for {
            		select {
            		case <-ch:
            			break
            		case <-ctx.Done():
            			cancel()
            			return
            		}
            	}
            }
            """)
        #expect(unlabeled.witness(after: Self.acquire, stoppedBy: Self.released) == "none")
    }

    @Test func labeledContinueGoesToTheOuterLoopsPost() throws {
        let labeled = FlowFixture("""
            func f() error {
            	ctx, cancel := context.WithCancel(bg)
            outer:
            	for i := 0; i < 3; i++ {
            		for {
            			if skip(i) {
            				continue outer
            			}
            			cancel()
            			return nil
            		}
            	}
            	return ctx.Err()
            }
            """)
        #expect(labeled.witness(after: "continue outer", stoppedBy: Self.released) == "return ctx.Err()@14")
        let post = try #require(labeled.graph.location(of: labeled.item("i++"))).block
        #expect(labeled.successors(of: "continue outer") == [.init(target: post)])

        let unlabeled = FlowFixture("""
            func f() error {
            	ctx, cancel := context.WithCancel(bg)
            outer:
            	for i := 0; i < 3; i++ {
            		for {
            			if skip(i) {
            				continue
            			}
            			cancel()
            			return nil
            		}
            	}
            	return ctx.Err()
            }
            """)
        #expect(unlabeled.witness(after: "continue", stoppedBy: Self.released) == "none")
    }

    @Test func continueInsideSelectGoesToTheEnclosingLoop() throws {
        let f = FlowFixture("""
            func f(ch chan int) {
            	for i := 0; i < 3; i++ {
            		select {
            		case <-ch:
            			continue
            		}
            		release()
            	}
            }
            """)
        let post = try #require(f.graph.location(of: f.item("i++"))).block
        #expect(f.successors(of: "continue") == [.init(target: post)])
        #expect(f.witness(after: "continue", stoppedBy: ["release()"]) == "end")
        #expect(f.witness(after: "<-ch", stoppedBy: ["release()", "i++"]) == "none")
    }

    @Test func continueInRangeLoopGoesBackToTheHead() {
        let f = FlowFixture("""
            func f(xs []int) error {
            	for _, x := range xs {
            		if x > 0 {
            			continue
            		}
            		release()
            	}
            	return nil
            }
            """)
        #expect(f.witness(after: "continue", stoppedBy: ["release()"]) == "return nil@9")
    }

    @Test func gotoForwardsAndBackwards() {
        let forwards = FlowFixture("""
            func f() error {
            	ctx, cancel := context.WithCancel(bg)
            	if bad() {
            		goto fail
            	}
            	cancel()
            	return nil
            fail:
            	return ctx.Err()
            }
            """)
        #expect(forwards.witness(after: Self.acquire, stoppedBy: Self.released) == "return ctx.Err()@10")

        let forwardsReleased = FlowFixture("""
            func f() error {
            	ctx, cancel := context.WithCancel(bg)
            	if bad() {
            		goto fail
            	}
            	cancel()
            	return nil
            fail:
            	cancel()
            	return ctx.Err()
            }
            """)
        #expect(forwardsReleased.witness(after: Self.acquire, stoppedBy: Self.released) == "none")

        let backwards = FlowFixture("""
            func f() error {
            	ctx, cancel := context.WithCancel(bg)
            	goto start
            again:
            	return ctx.Err()
            start:
            	if retry() {
            		goto again
            	}
            	cancel()
            	return nil
            }
            """)
        #expect(backwards.witness(after: Self.acquire, stoppedBy: Self.released) == "return ctx.Err()@6")
        #expect(backwards.witness(after: "goto start", stoppedBy: ["retry()"]) == "none")

        let retryLoop = FlowFixture("""
            func f() error {
            	ctx, cancel := context.WithCancel(bg)
            retry:
            	if !try(ctx) {
            		goto retry
            	}
            	cancel()
            	return nil
            }
            """)
        #expect(retryLoop.witness(after: Self.acquire, stoppedBy: Self.released) == "none")
    }

    @Test func endlessLoopWithoutBreakHasNoExit() {
        let endless = FlowFixture("""
            func f() {
            	ctx, cancel := context.WithCancel(bg)
            	for {
            		work(ctx)
            	}
            }
            """)
        #expect(endless.witness(after: Self.acquire, stoppedBy: Self.released) == "none")

        let withBreak = FlowFixture("""
            func f() {
            	ctx, cancel := context.WithCancel(bg)
            	for {
            		if work(ctx) {
            			break
            		}
            	}
            }
            """)
        #expect(withBreak.witness(after: Self.acquire, stoppedBy: Self.released) == "end")
    }

    @Test func neverReturningCallsAreNotWitnesses() {
        let source = """
            func f(t *testing.T) {
            	ctx, cancel := context.WithCancel(bg)
            	if bad() {
            		panic("bad")
            	}
            	if worse() {
            		os.Exit(1)
            	}
            	if fatal() {
            		log.Fatalf("fatal %v", ctx)
            	} else if failed() {
            		t.Fatal("failed")
            	} else {
            		cancel()
            	}
            }
            """
        #expect(FlowFixture(source).witness(after: Self.acquire, stoppedBy: Self.released) == "none")
        #expect(FlowFixture(source, honourNeverReturns: false).witness(after: Self.acquire, stoppedBy: Self.released) == "end")
    }

    @Test func rangeBodyOnlyReleaseLeavesTheZeroIterationPath() {
        let f = FlowFixture("""
            func f(xs []int) error {
            	ctx, cancel := context.WithCancel(bg)
            	for _, x := range xs {
            		use(ctx, x)
            		cancel()
            	}
            	return nil
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "return nil@8")
        #expect(f.witness(after: Self.acquire, stoppedBy: ["cancel()", "xs"]) == "none")
    }

    @Test func forConditionFalseSkipsTheBody() {
        let f = FlowFixture("""
            func f(n int) {
            	ctx, cancel := context.WithCancel(bg)
            	for i := 0; i < n; i++ {
            		cancel()
            	}
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "end")
        let condition = f.item("i < n")
        let skipBody: (ControlFlowGraph.Edge) -> Bool = { $0.condition == condition && !$0.whenTrue }
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released, prune: skipBody) == "none")
    }

    @Test func pruningTheErrorBranchHidesItsReturn() {
        let f = FlowFixture("""
            func f() error {
            	v, err := open()
            	if err != nil {
            		return err
            	}
            	use(v)
            	return nil
            }
            """)
        #expect(f.witness(after: "v, err := open()") == "return err@5")
        let condition = f.item("err != nil")
        let errorBranch: (ControlFlowGraph.Edge) -> Bool = { $0.condition == condition && $0.whenTrue }
        #expect(f.witness(after: "v, err := open()", prune: errorBranch) == "return nil@8")
        #expect(f.witness(after: "v, err := open()", stoppedBy: ["use(v)"], prune: errorBranch) == "none")
        #expect(f.witness(after: "v, err := open()", prune: { _ in true }) == "none")
    }

    @Test func functionLiteralsAreNotExpanded() {
        let f = FlowFixture("""
            func f() {
            	ctx, cancel := context.WithCancel(bg)
            	go func() {
            		cancel()
            		return
            	}()
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "end")
    }

    @Test func unreachableCodeAfterReturnIsNotOnAnyPathFromBefore() {
        let f = FlowFixture("""
            func f() error {
            	ctx, cancel := context.WithCancel(bg)
            	return nil
            	cancel()
            	return ctx.Err()
            }
            """)
        #expect(f.witness(after: Self.acquire, stoppedBy: Self.released) == "return nil@4")
        #expect(f.witness(after: "cancel()") == "return ctx.Err()@6")
    }

    @Test func stopsInALoopAroundTheStartAreSeenAfterTheBackEdge() {
        let f = FlowFixture("""
            func f(n int) error {
            	for i := 0; i < n; i++ {
            		a()
            		if n > 3 {
            			return nil
            		}
            		ctx, cancel := context.WithCancel(bg)
            		use(ctx)
            	}
            	return errors.New("done")
            }
            """)
        // The next iteration passes a() before it can return.
        #expect(f.witness(after: Self.acquire) == "return nil@6")
        #expect(f.witness(after: Self.acquire, stoppedBy: ["a()"]) == "return errors.New(\"done\")@11")
        #expect(f.witness(after: Self.acquire, stoppedBy: ["a()", "i < n"]) == "none")
    }
}
