module example.com/rules/unclosedbody

go 1.21
