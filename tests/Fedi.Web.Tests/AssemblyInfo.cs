// Every test makes its own apps and users, so all of them may run at once against the one cluster.
[assembly: Parallelizable(ParallelScope.All)]
