module example.com/rules/unclosedresource

go 1.21
