module example.com/rules/goroutinesendleak

go 1.21
