//go:build !js

package diag

// Areas are every area of the catalogue, by name: the command line uses them all.
var Areas = map[string]Area{"Validator": Validator, "Evi": Evi, "Commands": Commands}

func init() {
	for _, a := range Areas {
		Use(a)
	}
}
