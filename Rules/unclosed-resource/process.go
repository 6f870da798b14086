package unclosedresource

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// supervisor keeps the child processes it started.
type supervisor struct {
	children []*exec.Cmd
}

// Reported: the first line of output is read; the child is never waited for.
func gitHead(dir string) (string, error) {
	cmd := exec.Command("git", "rev-parse", "HEAD")
	cmd.Dir = dir
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", err
	}
	if err := cmd.Start(); err != nil { // want "cmd is started but not waited for on every path: the child process becomes a zombie and its pipes leak; call cmd\\.Wait\\(\\)"
		return "", err
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	return strings.TrimSpace(line), err
}

// Reported: the recorder is killed after d, but a killed child still has to be waited for.
func record(args []string, d time.Duration) error {
	proc := exec.Command("ffmpeg", args...)
	if err := proc.Start(); err != nil { // want "proc is started but not waited for on every path: the child process becomes a zombie and its pipes leak; call proc\\.Wait\\(\\)"
		return err
	}
	time.Sleep(d)
	return proc.Process.Kill()
}

// Reported: a failed write to stdin returns before Wait.
func sortLines(lines []string) ([]byte, error) {
	cmd := exec.Command("sort")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil { // want "cmd is started but not waited for on every path"
		return nil, err
	}
	for _, l := range lines {
		if _, err := io.WriteString(stdin, l+"\n"); err != nil {
			return nil, err
		}
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Reported: CommandContext kills the child when ctx ends, but only Wait reaps it.
func follow(ctx context.Context, path string, lines chan<- string) error {
	cmd := exec.CommandContext(ctx, "tail", "-F", path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	err = cmd.Start() // want "cmd is started but not waited for on every path"
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		lines <- sc.Text()
	}
	return sc.Err()
}

// Not reported: Run starts and waits.
func gitStatus(dir string) error {
	cmd := exec.Command("git", "status", "--porcelain")
	cmd.Dir = dir
	cmd.Stdout = os.Stdout
	return cmd.Run()
}

// Not reported: Output starts and waits.
func uname() (string, error) {
	b, err := exec.Command("uname", "-r").Output()
	return strings.TrimSpace(string(b)), err
}

// Not reported: Start, then Wait on every path, also after Kill.
func recordWaited(args []string, d time.Duration) error {
	proc := exec.Command("ffmpeg", args...)
	if err := proc.Start(); err != nil {
		return err
	}
	time.Sleep(d)
	if err := proc.Process.Kill(); err != nil {
		proc.Wait()
		return err
	}
	return proc.Wait()
}

// Not reported: a goroutine captures cmd and waits for it.
func runWithTimeout(name string, args []string, d time.Duration) error {
	cmd := exec.Command(name, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		cmd.Process.Kill()
		return <-done
	}
}

// Not reported: the started command is returned; the caller waits.
func startDaemon(bin string, args ...string) (*exec.Cmd, error) {
	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return cmd, nil
}

// Not reported: the command is kept by the supervisor, which waits for its children.
func (s *supervisor) spawn(bin string, args ...string) error {
	cmd := exec.Command(bin, args...)
	if err := cmd.Start(); err != nil {
		return err
	}
	s.children = append(s.children, cmd)
	return nil
}
