module example.com/rules/loopvarcapture/go122

go 1.22
