module example.com/rules/unusedsuppression

go 1.21
