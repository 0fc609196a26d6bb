package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// Timing is the duration of one step of a stack.
type Timing struct {
	Step     string
	Duration time.Duration
}

// StackResult is the outcome of one stack.
type StackResult struct {
	Stack   Stack
	Timings []Timing
	// FailedStep is empty when the stack passed, else the step that failed, such as
	// "build" or "checks".
	FailedStep string
	Failure    string
	// Log is the log file of the failed step.
	Log string
	// Interrupted is set when the run was cancelled before the stack finished.
	Interrupted bool
}

// Passed reports whether every step succeeded.
func (r StackResult) Passed() bool { return r.FailedStep == "" && !r.Interrupted }

// Time records how long a step took.
func (r *StackResult) Time(step string, d time.Duration) {
	r.Timings = append(r.Timings, Timing{Step: step, Duration: d})
}

// Fail records the failed step, the reason and the log to show.
func (r *StackResult) Fail(step, failure, log string) {
	r.FailedStep, r.Failure, r.Log = step, failure, log
}

// FormatLine renders one result: status, stack name, the step timings and, for a failed
// stack, the failed step and the reason.
func FormatLine(r StackResult, nameWidth int) string {
	status := "PASS"
	switch {
	case r.Interrupted:
		status = "STOP"
	case !r.Passed():
		status = "FAIL"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s  %-*s", status, nameWidth, r.Stack.Name)
	for _, t := range r.Timings {
		fmt.Fprintf(&b, "  %s %5.1fs", t.Step, t.Duration.Seconds())
	}
	if r.FailedStep != "" {
		fmt.Fprintf(&b, "  | %s failed: %s", r.FailedStep, r.Failure)
	}
	return b.String()
}

// FormatSummary renders the final "N passed, M failed" line; interrupted stacks count as
// failed.
func FormatSummary(results []StackResult) string {
	passed := 0
	for _, r := range results {
		if r.Passed() {
			passed++
		}
	}
	return fmt.Sprintf("%d passed, %d failed", passed, len(results)-passed)
}

// tailLines is how much of a failed step's log a report shows.
const tailLines = 25

// Tail returns the last n lines of a file, or a note when it cannot be read.
func Tail(path string, n int) string {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Sprintf("(log %s not readable: %v)", path, err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 4*1024*1024)
	for sc.Scan() {
		lines = append(lines, sc.Text())
		if len(lines) > n {
			lines = lines[1:]
		}
	}
	return strings.Join(lines, "\n")
}

// Reporter prints results as they arrive; it is safe for concurrent use.
type Reporter struct {
	mu        sync.Mutex
	w         io.Writer
	nameWidth int
	results   []StackResult
	started   time.Time
}

// NewReporter returns a Reporter that aligns stack names to the longest of stacks.
func NewReporter(w io.Writer, stacks []Stack) *Reporter {
	width := 0
	for _, s := range stacks {
		width = max(width, len(s.Name))
	}
	return &Reporter{w: w, nameWidth: width, started: time.Now()}
}

// Printf prints a progress line.
func (p *Reporter) Printf(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.w, format, args...)
}

// Add prints a result line and, for a failure, the tail of the failed step's log.
func (p *Reporter) Add(r StackResult) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.results = append(p.results, r)
	fmt.Fprintln(p.w, FormatLine(r, p.nameWidth))
	if r.FailedStep != "" && r.Log != "" && !r.Interrupted {
		fmt.Fprintf(p.w, "    last lines of %s:\n", r.Log)
		for _, line := range strings.Split(Tail(r.Log, tailLines), "\n") {
			fmt.Fprintf(p.w, "    | %s\n", line)
		}
	}
}

// Results returns the results added so far.
func (p *Reporter) Results() []StackResult {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]StackResult(nil), p.results...)
}

// Finish prints every result again in the order of stacks, the time since NewReporter and
// the summary line.
func (p *Reporter) Finish(stacks []Stack) {
	p.mu.Lock()
	defer p.mu.Unlock()
	byName := map[string]StackResult{}
	for _, r := range p.results {
		byName[r.Stack.Name] = r
	}
	var ordered []StackResult
	fmt.Fprintln(p.w)
	for _, s := range stacks {
		r, ok := byName[s.Name]
		if !ok {
			r = StackResult{Stack: s, Interrupted: true}
		}
		ordered = append(ordered, r)
		fmt.Fprintln(p.w, FormatLine(r, p.nameWidth))
	}
	fmt.Fprintf(p.w, "%d stacks in %s\n", len(stacks), time.Since(p.started).Round(time.Second))
	fmt.Fprintln(p.w, FormatSummary(ordered))
}
