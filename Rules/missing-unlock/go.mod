module example.com/rules/missingunlock

go 1.21
