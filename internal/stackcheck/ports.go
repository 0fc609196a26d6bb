package main

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"
)

// portAllocator hands out each port once per run, so parallel stacks never race for the
// same port between the probe and the server's bind.
type portAllocator struct {
	mu   sync.Mutex
	used map[int]bool
}

var ports = &portAllocator{used: map[int]bool{}}

// FreePort returns a TCP port that is free on 127.0.0.1 and, where the machine has IPv6,
// on ::1, because servers that bind "localhost" may take either address. Another program
// can still take the port before the server binds it.
func FreePort() (int, error) { return ports.next() }

func (a *portAllocator) next() (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for range 50 {
		port, err := probePort()
		if err != nil {
			return 0, err
		}
		if port == 0 || a.used[port] {
			continue
		}
		a.used[port] = true
		return port, nil
	}
	return 0, errors.New("no free TCP port found on the loopback addresses after 50 tries")
}

// probePort asks the kernel for a free port on 127.0.0.1 and checks that ::1 has it free
// too. It returns 0 when ::1 has the port taken.
func probePort() (int, error) {
	l4, err := net.Listen("tcp4", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("listening on 127.0.0.1 failed: %w", err)
	}
	defer l4.Close()
	port := l4.Addr().(*net.TCPAddr).Port
	l6, err := net.Listen("tcp6", net.JoinHostPort("::1", strconv.Itoa(port)))
	if err == nil {
		l6.Close()
		return port, nil
	}
	if ipv6Loopback() {
		return 0, nil
	}
	return port, nil
}

// ipv6Loopback reports whether ::1 can be bound at all.
func ipv6Loopback() bool {
	l, err := net.Listen("tcp6", "[::1]:0")
	if err != nil {
		return false
	}
	l.Close()
	return true
}
