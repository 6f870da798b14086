module example.com/rules/unstoppedtimer

go 1.21
