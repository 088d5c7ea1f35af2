package diag

// CodedError is an error a command reports (a refusal, a file it cannot format), worded from
// the catalogue like a diagnostic: Error() is the English text; Words gives it in
// another language. Err, when set, is what errors.Is and errors.As find under it (a
// sentinel such as hugodata.ErrOutRefused, or the cause).
type CodedError struct {
	Code string
	Args A
	Err  error
}

// Errorf makes a CodedError from a code and its arguments.
func Errorf(code string, args A) *CodedError { return &CodedError{Code: code, Args: args} }

// Wrap makes a CodedError that unwraps to err.
func Wrap(err error, code string, args A) *CodedError {
	return &CodedError{Code: code, Args: args, Err: err}
}

func (e *CodedError) Error() string { return Text("en", e.Code, e.Args) }

// Unwrap returns the error under e, if any.
func (e *CodedError) Unwrap() error { return e.Err }

// Words returns e worded in lang.
func (e *CodedError) Words(lang string) string { return Text(lang, e.Code, e.Args) }

// Msg returns e as a message, to be an argument of another.
func (e *CodedError) Msg() Msg { return M(e.Code, e.Args) }

// Worder is an error that can say itself in either language.
type Worder interface {
	error
	Words(lang string) string
}

// Words returns err worded in lang when it can say itself in either language, else its
// text.
func Words(err error, lang string) string {
	if w, ok := err.(Worder); ok {
		return w.Words(lang)
	}
	return err.Error()
}

// In returns err fixed in lang: its text (and Words) is err worded in lang, and it
// unwraps to err. A command given -lang returns its errors so.
func In(err error, lang string) error {
	if err == nil {
		return nil
	}
	return &inLang{err: err, lang: lang}
}

type inLang struct {
	err  error
	lang string
}

func (e *inLang) Error() string            { return Words(e.err, e.lang) }
func (e *inLang) Words(lang string) string { return Words(e.err, e.lang) }
func (e *inLang) Unwrap() error            { return e.err }
