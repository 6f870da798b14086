module example.com/rules/spinningselect

go 1.21
