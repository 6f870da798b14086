module example.com/rules/goroutinerecvleak

go 1.21
