using Fedi.Benchmarks.Jobs;

// Fedi.Worker against Sidekiq 6.4, one run, one machine, one Redis. See README.md.
var options = BenchOptions.Parse(args);
Console.WriteLine($"Machine: {Machine.Describe()}");
Console.WriteLine($"Jobs {options.Jobs:N0}, {options.Repeats} run(s) each, medians printed; concurrency {string.Join(", ", options.Concurrencies)}");
await using var servers = await BenchServers.StartAsync();
var results = new Results();
if (options.Parts.Contains("enqueue")) await new EnqueueBench(servers, options).RunAsync(results);
if (options.Parts.Contains("drain")) await new DrainBench(servers, options).RunAsync(results);
if (options.Parts.Contains("fanout")) await new FanOutBench(servers, options).RunAsync(results);
results.Print();
