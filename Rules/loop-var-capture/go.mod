module example.com/rules/loopvarcapture

go 1.21
