namespace Designer.Server.Hosting;

/// <summary>The server's settings, bound from configuration (see docs/api.md for the keys).</summary>
public sealed class DesignerOptions
{
    public string Root { get; set; } = "";
    public string WorkflowsPath { get; set; } = "workflows";
    public string SchemasPath { get; set; } = "schemas";
    public string CalendarPath { get; set; } = "workflows/calendar/cn-working-days.json";

    public string WorkflowsDirectory => RepositoryRoot.Resolve(Root, WorkflowsPath);
    public string SchemasDirectory => RepositoryRoot.Resolve(Root, SchemasPath);
    public string CalendarFile => RepositoryRoot.Resolve(Root, CalendarPath);
    /// <summary>The folder of the calendar file: application windows (windows.json) and locality holidays (locality-holidays.json) seed from it.</summary>
    public string CalendarFolder => Path.GetDirectoryName(CalendarFile) ?? ".";
    /// <summary>workflows/world/: the vocabulary, localities and demo world seeded into the database.</summary>
    public string WorldDirectory => Path.Combine(WorkflowsDirectory, Designer.Engine.Model.WorkflowFiles.WorldFolder);
}

public sealed class SeedOptions
{
    public bool Definitions { get; set; } = true;
    public bool DemoUsers { get; set; }
    public string DemoPassword { get; set; } = "";
}

public sealed class AuthOptions
{
    public int TokenMinutes { get; set; } = 60;
    /// <summary>How long one client is refused an account after MaxFailedSignIns wrong passwords from it.</summary>
    public int LockoutMinutes { get; set; } = 15;
    public int MaxFailedSignIns { get; set; } = 5;
}

public sealed class LimitOptions
{
    public long MaxBodyBytes { get; set; } = 1024 * 1024;
    /// <summary>Deepest nesting of objects and arrays a request body may have (stored documents are answered inside a few more levels).</summary>
    public int MaxJsonDepth { get; set; } = 32;
    /// <summary>Sign-in attempts per client IP address and minute.</summary>
    public int SignInsPerMinute { get; set; } = 20;
    /// <summary>Public certificate lookups per client IP address and minute.</summary>
    public int CertificateLookupsPerMinute { get; set; } = 30;
}

/// <summary>Behind a reverse proxy: trust its X-Forwarded-For / X-Forwarded-Proto (client address, HTTPS).</summary>
public sealed class ProxyOptions
{
    public bool ForwardedHeaders { get; set; }
    /// <summary>The proxies' addresses; loopback is always trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];
}

public sealed class TimerOptions
{
    public double PollSeconds { get; set; } = 30;
}
