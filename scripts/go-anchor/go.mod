module gomap-bench/go-anchor

go 1.19
