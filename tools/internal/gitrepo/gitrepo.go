// Package gitrepo makes throwaway git repositories with dated commits, for the tests of
// the history taken from git (tools/history, tools/sitetest).
package gitrepo

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Repo is a git working tree in a test's temporary folder.
type Repo struct {
	T   testing.TB
	Dir string
}

// New makes an empty repository in dir (created if need be).
func New(t testing.TB, dir string) *Repo {
	t.Helper()
	r := &Repo{T: t, Dir: dir}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	r.Git("", "init", "-q", "-b", "main")
	return r
}

// Git runs git in the repository; date (YYYY-MM-DD), when given, is the author and
// committer date. It returns the output.
func (r *Repo) Git(date string, args ...string) string {
	r.T.Helper()
	cmd := exec.Command("git", append([]string{"-C", r.Dir, "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgSign=false"}, args...)...)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null")
	if date != "" {
		d := date + "T12:00:00+00:00"
		cmd.Env = append(cmd.Env, "GIT_AUTHOR_DATE="+d, "GIT_COMMITTER_DATE="+d)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		r.T.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// Write writes files (path relative to the repository → content), removing those
// whose content is "" .
func (r *Repo) Write(files map[string]string) {
	r.T.Helper()
	for p, content := range files {
		full := filepath.Join(r.Dir, filepath.FromSlash(p))
		if content == "" {
			if err := os.Remove(full); err != nil {
				r.T.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			r.T.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			r.T.Fatal(err)
		}
	}
}

// Commit writes files, stages everything and commits it on date; it returns the hash.
func (r *Repo) Commit(date, message string, files map[string]string) string {
	r.T.Helper()
	r.Write(files)
	r.Git(date, "add", "-A")
	r.Git(date, "commit", "-q", "-m", message)
	out := r.Git("", "rev-parse", "HEAD")
	return out[:40]
}

// Move renames a file with git mv (no commit).
func (r *Repo) Move(from, to string) {
	r.T.Helper()
	r.Git("", "mv", from, to)
}
