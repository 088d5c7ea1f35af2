package related

// index holds, for every subset of a profile, the listed projects whose profile contains
// it, in id order (the posting lists, one after the other in postings), and for every
// project and subset of its own profile, the number of that subset's list. It is built
// without hashing: the (key, project, subset) entries are sorted by key with a radix
// sort (a pass per byte of the key that varies), linear in the entries and reading and
// writing memory in order, so that the cost per project stays the same from 1,000 to
// 10,000 projects (a hash table of 10 times more keys no longer fits the cache).
type index struct {
	start    []int32 // list n is postings[start[n]:start[n+1]]
	postings []int32
	offset   []int   // project i's subsets are slot[offset[i] : offset[i]+2^len-1], by mask-1
	slot     []int32 // list numbers
}

type entry struct {
	k    key
	q    int32 // project
	mask int32 // the subset, in q's profile
}

func buildIndex(ps []Project, profiles [][]int) index {
	idx := index{offset: make([]int, len(ps)+1)}
	for i := range ps {
		idx.offset[i+1] = idx.offset[i] + 1<<len(profiles[i]) - 1
	}
	entries := make([]entry, 0, idx.offset[len(ps)])
	for i := range ps {
		forSubsets(profiles[i], func(k key, mask int) { entries = append(entries, entry{k, int32(i), int32(mask)}) })
	}
	entries = radixSort(entries)
	idx.slot = make([]int32, len(entries))
	idx.start = []int32{0}
	for r, e := range entries {
		if r > 0 && e.k != entries[r-1].k {
			idx.start = append(idx.start, int32(len(idx.postings)))
		}
		idx.slot[idx.offset[e.q]+int(e.mask)-1] = int32(len(idx.start) - 1)
		if !ps[e.q].Archived {
			idx.postings = append(idx.postings, e.q)
		}
	}
	idx.start = append(idx.start, int32(len(idx.postings)))
	return idx
}

// list is the posting list of subset mask of project q's profile.
func (idx index) list(q, mask int) []int32 {
	n := idx.slot[idx.offset[q]+mask-1]
	return idx.postings[idx.start[n]:idx.start[n+1]]
}

// radixSort sorts entries by key, stably (so each key's projects stay in id order), one
// counting pass per byte, skipping the bytes every key shares.
func radixSort(entries []entry) []entry {
	if len(entries) == 0 {
		return entries
	}
	tmp := make([]entry, len(entries))
	for shift := 0; shift < 64; shift += 8 {
		var count [257]int
		for _, e := range entries {
			count[(e.k>>shift)&0xff+1]++
		}
		if count[(entries[0].k>>shift)&0xff+1] == len(entries) {
			continue
		}
		for b := 1; b < len(count); b++ {
			count[b] += count[b-1]
		}
		for _, e := range entries {
			b := (e.k >> shift) & 0xff
			tmp[count[b]] = e
			count[b]++
		}
		entries, tmp = tmp, entries
	}
	return entries
}
