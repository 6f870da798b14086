module leaklint.local/goast-sexpr

go 1.22
