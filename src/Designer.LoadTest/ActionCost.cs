using System.Diagnostics;

namespace Designer.LoadTest;

/// <summary>
/// What the measured actions cost the server, divided per action: the CPU time its process(es) used (Linux /proc, so
/// it counts only the server's own work however loaded the machine is) and, with the server in the driver's process,
/// the bytes allocated and the garbage collections (the driver's side of each request included; it is the same in
/// every build, so two builds compare). Wall-clock rates on a shared machine are noise; these are not.
/// </summary>
public sealed class ActionCost
{
    private readonly IReadOnlyList<int> _serverProcesses;
    private readonly bool _inProcess;
    private readonly double _cpuSeconds;
    private readonly long _allocated;
    private readonly int[] _collections;

    private ActionCost(IReadOnlyList<int> serverProcesses, bool inProcess)
    {
        _serverProcesses = serverProcesses;
        _inProcess = inProcess;
        _cpuSeconds = CpuSeconds();
        _allocated = inProcess ? GC.GetTotalAllocatedBytes(precise: true) : 0;
        _collections = inProcess ? [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)] : [];
    }

    /// <summary>Starts counting: the server's processes, or this one (server in process, or a server out of reach: none).</summary>
    public static ActionCost Start(IReadOnlyList<int>? serverProcesses, bool inProcess) =>
        new(serverProcesses ?? (inProcess ? [Environment.ProcessId] : []), inProcess);

    /// <summary>One line for the report, per action; empty when nothing could be counted (a server given by --url).</summary>
    public string PerAction(int actions)
    {
        if (actions == 0 || _serverProcesses.Count == 0) return "";
        var cpu = (CpuSeconds() - _cpuSeconds) * 1000 / actions;
        var whose = _inProcess ? "server and driver in one process" : _serverProcesses.Count == 1 ? "the server process" : $"{_serverProcesses.Count} server processes";
        if (!_inProcess) return $"\ncost per action: {cpu:F2} ms CPU ({whose})";
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - _allocated) / (double)actions;
        var gcs = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - _collections[g]).ToArray();
        return $"\ncost per action: {cpu:F2} ms CPU, {allocated / 1024:F1} KB allocated ({whose}); " +
               $"garbage collections in the run: gen0 {gcs[0]}, gen1 {gcs[1]}, gen2 {gcs[2]}";
    }

    /// <summary>The server's CPU per request since the start, ms; null when nothing could be counted (a server given by --url).</summary>
    public double? CpuMillisecondsPer(int requests) =>
        requests == 0 || _serverProcesses.Count == 0 ? null : (CpuSeconds() - _cpuSeconds) * 1000 / requests;

    private double CpuSeconds() => _serverProcesses.Sum(ProcessCpuSeconds);

    /// <summary>User and system CPU of a process, seconds (/proc/PID/stat fields 14 and 15, in clock ticks of 1/100 s).</summary>
    private static double ProcessCpuSeconds(int pid)
    {
        if (pid == Environment.ProcessId) return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var path = $"/proc/{pid}/stat";
        if (!File.Exists(path)) return 0;
        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / 100.0;
    }
}
