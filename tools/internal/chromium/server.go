package chromium

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"
)

// ServeOptions are a server's own needs.
type ServeOptions struct {
	// Prefix is the site's base path: "/" (the default), or "/sub/" for a site built
	// with the base URL https://host/sub/, as GitHub Pages serves a project site.
	Prefix string
	// Ignore lists the paths whose failure is not recorded (a favicon the browser
	// asks for on its own).
	Ignore []string
}

// Server serves a built site on a loopback port and remembers the requests it answered
// with an error (a font or a stylesheet missing from the site), and the status of its
// last answer for each path.
type Server struct {
	URL    string // http://127.0.0.1:PORT
	Host   string // 127.0.0.1:PORT
	Prefix string // as in ServeOptions, "/" by default
	srv    *http.Server

	mu       sync.Mutex
	failed   []string
	answered map[string]int
}

// Serve serves the folder root on 127.0.0.1 at a free port.
func Serve(root string, opts ServeOptions) (*Server, error) {
	if opts.Prefix == "" {
		opts.Prefix = "/"
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("serving %s on loopback: %w", root, err)
	}
	s := &Server{URL: "http://" + ln.Addr().String(), Host: ln.Addr().String(), Prefix: opts.Prefix, answered: map[string]int{}}
	var files http.Handler = http.FileServer(http.Dir(root))
	if opts.Prefix != "/" {
		files = http.StripPrefix(strings.TrimSuffix(opts.Prefix, "/"), files)
	}
	s.srv = &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
			files.ServeHTTP(rec, r)
			s.mu.Lock()
			s.answered[r.URL.Path] = rec.status
			if rec.status >= 400 && !slices.Contains(opts.Ignore, r.URL.Path) {
				s.failed = append(s.failed, fmt.Sprintf("%s (HTTP %d)", r.URL.Path, rec.status))
			}
			s.mu.Unlock()
		}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			s.mu.Lock()
			s.failed = append(s.failed, "server: "+err.Error())
			s.mu.Unlock()
		}
	}()
	return s, nil
}

// Failures returns the requests answered with an error so far.
func (s *Server) Failures() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.failed)
}

// Answered returns the status of the server's last answer for the path of a URL on its
// host, and whether it answered one. A page's own record does not see a Web Worker's
// script arrive (the worker is a target of its own): the server does.
func (s *Server) Answered(rawURL string) (int, bool) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host != s.Host {
		return 0, false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	status, ok := s.answered[u.Path]
	return status, ok
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
