package pdf

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// server serves the built site on a loopback port and remembers the requests that failed
// (a font or a stylesheet missing from public/), so that the print can be refused rather
// than made with fallbacks.
type server struct {
	base   string // http://127.0.0.1:PORT
	prefix string // the site's base path: "/", or "/sub/" for https://host/sub/
	srv    *http.Server

	mu     sync.Mutex
	failed []string
}

// serve serves root at the base path prefix ("/", or "/sub/" for a site built with the
// base URL https://host/sub/, as GitHub Pages serves a project site), where the site's
// pages expect their files.
func serve(root, prefix string) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("serving %s on loopback: %w", root, err)
	}
	s := &server{base: "http://" + ln.Addr().String(), prefix: prefix}
	var files http.Handler = http.FileServer(http.Dir(root))
	if prefix != "/" {
		files = http.StripPrefix(strings.TrimSuffix(prefix, "/"), files)
	}
	s.srv = &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
			files.ServeHTTP(rec, r)
			if rec.status >= 400 && r.URL.Path != "/favicon.ico" {
				s.mu.Lock()
				s.failed = append(s.failed, fmt.Sprintf("%s (HTTP %d)", r.URL.Path, rec.status))
				s.mu.Unlock()
			}
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

// failures returns the failed requests so far.
func (s *server) failures() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.failed...)
}

func (s *server) Close() error { return s.srv.Close() }

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}
