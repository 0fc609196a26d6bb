package poststep

import (
	"fmt"
	"io"
	"sync"
	"time"
)

// LiveLogger keeps one line per install on a terminal and redraws them in place with their
// elapsed time, so parallel installs show progress without interleaved output.
type LiveLogger struct {
	w        io.Writer
	mu       sync.Mutex
	order    []string
	lines    map[string]*liveLine
	drawn    int
	stop     chan struct{}
	finished chan struct{}
}

type liveLine struct {
	command string
	started time.Time
	result  *Result
}

// spinnerFrames animate running installs.
var spinnerFrames = []string{"⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"}

// liveInterval is how often the lines are redrawn.
const liveInterval = 120 * time.Millisecond

// NewLiveLogger starts redrawing on w until Close.
func NewLiveLogger(w io.Writer) *LiveLogger {
	l := &LiveLogger{w: w, lines: map[string]*liveLine{}, stop: make(chan struct{}),
		finished: make(chan struct{})}
	go l.loop()
	return l
}

// Started implements Logger.
func (l *LiveLogger) Started(name, command string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.order = append(l.order, name)
	l.lines[name] = &liveLine{command: command, started: time.Now()}
}

// Finished implements Logger.
func (l *LiveLogger) Finished(r Result) {
	l.mu.Lock()
	defer l.mu.Unlock()
	line, ok := l.lines[r.Name]
	if !ok {
		l.order = append(l.order, r.Name)
		line = &liveLine{command: r.Command, started: time.Now()}
		l.lines[r.Name] = line
	}
	line.result = &r
}

// Close draws the final state and stops redrawing.
func (l *LiveLogger) Close() {
	close(l.stop)
	<-l.finished
}

func (l *LiveLogger) loop() {
	defer close(l.finished)
	ticker := time.NewTicker(liveInterval)
	defer ticker.Stop()
	for frame := 0; ; frame++ {
		select {
		case <-l.stop:
			l.draw(frame)
			return
		case <-ticker.C:
			l.draw(frame)
		}
	}
}

func (l *LiveLogger) draw(frame int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.drawn > 0 {
		fmt.Fprintf(l.w, "\x1b[%dA", l.drawn) // move the cursor up to the first line
	}
	for _, name := range l.order {
		line := l.lines[name]
		var text string
		switch {
		case line.result == nil:
			text = fmt.Sprintf("%s installing %s (%s) %.0fs", spinnerFrames[frame%len(spinnerFrames)],
				name, line.command, time.Since(line.started).Seconds())
		case line.result.Status == StatusOK:
			text = fmt.Sprintf("✓ installed %s in %.1fs", name, line.result.Duration.Seconds())
		default:
			text = fmt.Sprintf("✗ %s %s", line.result.Status, name)
		}
		fmt.Fprintf(l.w, "\r\x1b[2K%s\n", text)
	}
	l.drawn = len(l.order)
}
