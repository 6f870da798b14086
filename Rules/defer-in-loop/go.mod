module example.com/rules/deferinloop

go 1.21
