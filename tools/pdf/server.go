package pdf

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// server serves the built site on a loopback port and remembers the requests that failed
// (a font or a stylesheet missing from public/), so that the print can be refused rather
// than made with fallbacks.
type server struct {
	base string // http://127.0.0.1:PORT
	srv  *http.Server

	mu     sync.Mutex
	failed []string
}

func serve(root string) (*server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("serving %s on loopback: %w", root, err)
	}
	s := &server{base: "http://" + ln.Addr().String()}
	files := http.FileServer(http.Dir(root))
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
