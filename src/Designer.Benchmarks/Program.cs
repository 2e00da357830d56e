using BenchmarkDotNet.Running;
using Designer.Benchmarks;

// dotnet run -c Release --project src/Designer.Benchmarks -- --filter '*'
// dotnet run -c Release --project src/Designer.Benchmarks -- peer [instances] [rounds]   (benchmarks/peer/run.sh)
// dotnet run -c Release --project src/Designer.Benchmarks -- goals [rounds]              (benchmarks/goals.sh)
// dotnet run -c Release --project src/Designer.Benchmarks -- loop application [seconds] (for a profiler: dotnet-trace)
if (args.Length > 0 && args[0] == "peer") return PeerFlow.Run(args);
if (args.Length > 0 && args[0] == "goals") return EngineGoals.Run(args);
if (args.Length > 0 && args[0] == "loop") return ProfileLoop.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
