using BenchmarkDotNet.Running;

// dotnet run -c Release --project src/Designer.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
