package unclosedresource

import (
	"bufio"
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Reported: a metrics sender that writes one datagram and never closes the socket.
func sendGauge(addr, name string, v float64) error {
	conn, err := net.Dial("udp", addr) // want "conn is never closed: the socket leaks; defer conn\\.Close\\(\\) after checking the error"
	if err != nil {
		return err
	}
	_, err = conn.Write([]byte(name + ":" + strconv.FormatFloat(v, 'g', -1, 64) + "|g"))
	return err
}

// Reported: a free-port helper; the listener keeps the port taken.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // want "ln is never closed: the socket leaks; defer ln\\.Close\\(\\) after checking the error"
	if err != nil {
		return 0, err
	}
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// Reported: ListenPacket; the deadline error path returns without closing.
func discoverOnce(addr string, timeout time.Duration) (net.Addr, error) {
	pc, err := net.ListenPacket("udp", addr) // want "pc is not closed on every path: the socket leaks"
	if err != nil {
		return nil, err
	}
	if err := pc.SetReadDeadline(time.Now().Add(timeout)); err != nil {
		return nil, err
	}
	buf := make([]byte, 1500)
	_, from, err := pc.ReadFrom(buf)
	pc.Close()
	return from, err
}

// Reported: a local *net.Dialer; a failed read of the greeting skips the close.
func greeting(ctx context.Context, addr string) (string, error) {
	d := &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", addr) // want "conn is not closed on every path: the socket leaks"
	if err != nil {
		return "", err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", err
	}
	conn.Close()
	return strings.TrimSpace(line), nil
}

// Reported: a net.Dialer declared with var; the whois answer is read, the socket left open.
func whois(domain string) ([]byte, error) {
	var d net.Dialer
	conn, err := d.Dial("tcp", "whois.iana.org:43") // want "conn is never closed: the socket leaks"
	if err != nil {
		return nil, err
	}
	if _, err := conn.Write([]byte(domain + "\r\n")); err != nil {
		return nil, err
	}
	return io.ReadAll(conn)
}

// Reported: tls.Dial to read the certificate's expiry; the connection is never closed.
func certExpiry(host string) (time.Time, error) {
	conn, err := tls.Dial("tcp", net.JoinHostPort(host, "443"), &tls.Config{ServerName: host}) // want "conn is never closed: the socket leaks; defer conn\\.Close\\(\\)"
	if err != nil {
		return time.Time{}, err
	}
	certs := conn.ConnectionState().PeerCertificates
	if len(certs) == 0 {
		return time.Time{}, errNoCert
	}
	return certs[0].NotAfter, nil
}

// Reported: a reachability probe that drops the connection it made.
func reachable(addr string) bool {
	_, err := net.DialTimeout("tcp", addr, time.Second) // want "the connection from net\\.DialTimeout is discarded, so it is never closed: the socket leaks"
	return err == nil
}

// Reported: checking that a port is free by listening on it, and keeping it busy.
func portFree(port int) bool {
	_, err := net.Listen("tcp", net.JoinHostPort("", strconv.Itoa(port))) // want "the listener from net\\.Listen is discarded, so it is never closed: the socket leaks"
	return err == nil
}

// Not reported: defer conn.Close() after the error check.
func greetingClosed(addr string) (string, error) {
	conn, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	line, err := bufio.NewReader(conn).ReadString('\n')
	return strings.TrimSpace(line), err
}

// Not reported: the listener is passed to http.Serve, which owns it from then on.
func serveOn(addr string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return http.Serve(ln, h)
}

// Not reported: a goroutine closes the listener when ctx is done.
func acceptUntil(ctx context.Context, addr string, handle func(net.Conn)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		go handle(c)
	}
}

// Not reported: the raw connection is wrapped by tls.Client, which closes it.
func dialTLS(addr string, cfg *tls.Config) (*tls.Conn, error) {
	raw, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tc := tls.Client(raw, cfg)
	if err := tc.Handshake(); err != nil {
		tc.Close()
		return nil, err
	}
	return tc, nil
}

// Not reported: net.LookupHost and net.ParseIP open nothing that must be closed.
func firstIPv4(host string) (net.IP, error) {
	addrs, err := net.LookupHost(host)
	if err != nil {
		return nil, err
	}
	for _, a := range addrs {
		if ip := net.ParseIP(a); ip != nil && ip.To4() != nil {
			return ip, nil
		}
	}
	return nil, errEmpty
}
