// Every test makes its own accounts and tokens, so tests share one cluster and run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(8)]
