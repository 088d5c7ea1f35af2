package history

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pssdc/guide-iad/tools/corpus"
	"github.com/pssdc/guide-iad/tools/model"
)

// git runs git in dir with options that keep the repository's own drivers out (no
// external diff, no text conversion, no pager, no colour) and returns its output.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "core.quotePath=true", "-c", "log.showSignature=false", "--no-pager"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, errors.Join(err, errors.New(strings.TrimSpace(stderr.String())))
	}
	return out, nil
}

// rawChange is one line of git log --raw: a file's blobs before and after a commit.
type rawChange struct {
	commit, date     string
	status           byte // A, M, D, R, C, T
	oldBlob, newBlob string
	oldPath, newPath string // relative to the data folder
}

// Read computes the history of the entries of dataDir. Without git or outside a working
// tree it returns a History that is not Available, and no error.
func Read(dataDir string) (*History, error) { return ReadAt(dataDir, "") }

// ReadAt is Read as of the commit rev (a published edition's tag, say): only the commits
// rev reaches count. rev "" is the checked-out commit.
func ReadAt(dataDir, rev string) (*History, error) {
	h := &History{StaleAfterMonths: model.StaleAfterMonths, Changes: []Change{}}
	prefix, err := git(dataDir, "rev-parse", "--show-prefix")
	if err != nil {
		h.index()
		return h, nil
	}
	h.Available = true
	if out, err := git(dataDir, "rev-parse", "--is-shallow-repository"); err == nil && strings.TrimSpace(string(out)) == "true" {
		h.Shallow = true
	}
	boundary := map[string]bool{}
	if h.Shallow {
		if p, err := git(dataDir, "rev-parse", "--git-path", "shallow"); err == nil {
			shallowFile := strings.TrimSpace(string(p))
			if !filepath.IsAbs(shallowFile) {
				shallowFile = filepath.Join(dataDir, shallowFile)
			}
			if b, err := os.ReadFile(shallowFile); err == nil {
				for _, c := range strings.Fields(string(b)) {
					boundary[c] = true
				}
			}
		}
	}
	args := []string{"log", "-M", "--raw", "--no-abbrev", "--no-ext-diff", "--no-textconv",
		"--no-color", "--format=%x00%H %cs"}
	if rev != "" {
		args = append(args, rev)
	}
	out, err := git(dataDir, append(args, "--", ".")...)
	if err != nil {
		if bytes.Contains([]byte(err.Error()), []byte("does not have any commits")) {
			h.index()
			return h, nil
		}
		return nil, err
	}
	changes := parseLog(out, strings.TrimSpace(string(prefix)))
	var kept []rawChange
	for _, c := range changes {
		if boundary[c.commit] {
			// The first commit of a shallow clone shows every file as added: it says
			// where the history starts, not what changed.
			if h.Since == "" || c.date < h.Since {
				h.Since = c.date
			}
			continue
		}
		kept = append(kept, c)
	}
	blobs, err := readBlobs(dataDir, kept)
	if err != nil {
		return nil, err
	}
	h.Changes = attribute(kept, blobs)
	h.index()
	return h, nil
}

// parseLog reads git log's output, newest commit first: "\x00HASH DATE" headers, each
// followed by raw lines ":oldmode newmode oldblob newblob STATUS\tpath[\tpath]". Paths
// are kept relative to the data folder (prefix is its path in the repository); quoted
// paths (unusual characters) are no entry's and are dropped.
func parseLog(out []byte, prefix string) []rawChange {
	var changes []rawChange
	var commit, date string
	for line := range bytes.SplitSeq(out, []byte("\n")) {
		if len(line) > 0 && line[0] == 0 {
			h, d, _ := strings.Cut(string(line[1:]), " ")
			commit, date = "", ""
			if len(h) >= 40 && isHex(h) && model.ValidDate(d) {
				commit, date = h, d
			}
			continue
		}
		if commit == "" || len(line) == 0 || line[0] != ':' {
			continue
		}
		meta, paths, ok := strings.Cut(string(line[1:]), "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 5 || f[4] == "" {
			continue
		}
		p := strings.Split(paths, "\t")
		c := rawChange{commit: commit, date: date, status: f[4][0], oldBlob: f[2], newBlob: f[3]}
		rel := func(s string) string {
			if !strings.HasPrefix(s, prefix) || strings.HasPrefix(s, `"`) {
				return ""
			}
			return s[len(prefix):]
		}
		c.oldPath = rel(p[0])
		c.newPath = c.oldPath
		if len(p) == 2 {
			c.newPath = rel(p[1])
		}
		changes = append(changes, c)
	}
	return changes
}

func isHex(s string) bool {
	for i := range len(s) {
		if !strings.ContainsRune("0123456789abcdef", rune(s[i])) {
			return false
		}
	}
	return true
}

// readBlobs reads every blob the changes name with one git cat-file --batch, blobs
// larger than the reader's limit left out (they count as unreadable versions).
func readBlobs(dir string, changes []rawChange) (map[string][]byte, error) {
	want := map[string]bool{}
	var list []string
	for _, c := range changes {
		for _, b := range []string{c.oldBlob, c.newBlob} {
			if b != "" && strings.Trim(b, "0") != "" && !want[b] && isHex(b) {
				want[b] = true
				list = append(list, b)
			}
		}
	}
	blobs := make(map[string][]byte, len(list))
	if len(list) == 0 {
		return blobs, nil
	}
	cmd := exec.Command("git", "-C", dir, "cat-file", "--batch")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		w := bufio.NewWriter(stdin)
		for _, b := range list {
			w.WriteString(b + "\n")
		}
		w.Flush()
		stdin.Close()
	}()
	r := bufio.NewReaderSize(stdout, 1<<16)
	for range list {
		header, err := r.ReadString('\n')
		if err != nil {
			cmd.Wait()
			return nil, err
		}
		f := strings.Fields(header)
		if len(f) != 3 || f[1] != "blob" {
			continue // "<sha> missing" and the like
		}
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 {
			cmd.Wait()
			return nil, errors.New("git cat-file: bad header " + strconv.Quote(header))
		}
		if size > corpus.MaxFileSize {
			if _, err := io.CopyN(io.Discard, r, size+1); err != nil {
				cmd.Wait()
				return nil, err
			}
			continue
		}
		b := make([]byte, size+1)
		if _, err := io.ReadFull(r, b); err != nil {
			cmd.Wait()
			return nil, err
		}
		blobs[f[0]] = b[:size]
	}
	return blobs, cmd.Wait()
}
