package unclosedresource

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"os"
)

// gzipFile reads a gzip file and closes both layers.
type gzipFile struct {
	*gzip.Reader
	f *os.File
}

// Close closes the decompressor, then the file.
func (g *gzipFile) Close() error {
	g.Reader.Close()
	return g.f.Close()
}

// Reported: the gzip reader is read to the end but never closed.
func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b)) // want "zr is never closed: its decompressor state leaks; defer zr\\.Close\\(\\) after checking the error"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// Reported: zlib; the read error path returns before the close.
func inflateChunk(data []byte, max int64) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(data)) // want "r is not closed on every path: its decompressor state leaks"
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	r.Close()
	if int64(len(out)) > max {
		return nil, errTooLarge
	}
	return out, nil
}

// Reported: flate.NewReader has no error to check; the reader is never closed.
func inflateRaw(data []byte) ([]byte, error) {
	fr := flate.NewReader(bytes.NewReader(data)) // want "fr is never closed: its decompressor state leaks"
	return io.ReadAll(fr)
}

// Reported: a gzip reader made only to validate the header is discarded.
func isGzip(r io.Reader) bool {
	_, err := gzip.NewReader(r) // want "the reader from gzip\\.NewReader is discarded, so it is never closed: its decompressor state leaks"
	return err == nil
}

// Reported: the file is closed by defer, the decompressor on top of it is not.
func readGzFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f) // want "zr is never closed: its decompressor state leaks"
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// Reported: closing the gzip reader does not close the file under it.
func readGzKeepsFile(path string) ([]byte, error) {
	f, err := os.Open(path) // want "f is never closed: the file descriptor leaks; defer f\\.Close\\(\\) after checking the error"
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// Not reported: defer zr.Close() after the error check.
func gunzipClosed(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	return io.ReadAll(zr)
}

// Not reported: file and reader are stored in a struct that is returned.
func openGz(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &gzipFile{Reader: zr, f: f}, nil
}

// Not reported: the flate reader is returned as an io.ReadCloser.
func inflater(r io.Reader) io.ReadCloser {
	fr := flate.NewReader(r)
	return fr
}

// Not reported: the zlib reader is closed on both the error and the success path.
func inflateChecked(data []byte) ([]byte, error) {
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	out, err := io.ReadAll(r)
	if err != nil {
		r.Close()
		return nil, err
	}
	return out, r.Close()
}
