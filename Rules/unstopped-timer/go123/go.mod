module example.com/rules/unstoppedtimer/go123

go 1.23
