module example.com/rules/lostcancel

go 1.21
