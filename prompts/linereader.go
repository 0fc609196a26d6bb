package prompts

import (
	"bufio"
	"io"
)

// lineReader returns at most one line per Read. huh's accessible mode wraps the input in a
// new scanner for every question, and a scanner that read ahead would swallow the answers
// to later questions when they arrive together through a pipe.
type lineReader struct {
	r *bufio.Reader
	// ended is set once the input has no more lines.
	ended bool
}

func newLineReader(r io.Reader) *lineReader { return &lineReader{r: bufio.NewReader(r)} }

func (l *lineReader) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		b, err := l.r.ReadByte()
		if err != nil {
			if n > 0 {
				return n, nil
			}
			l.ended = true
			return 0, err
		}
		p[n] = b
		n++
		if b == '\n' {
			break
		}
	}
	return n, nil
}
