module example.com/rules/unclosedresource/custom

go 1.21
