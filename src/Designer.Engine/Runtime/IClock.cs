namespace Designer.Engine.Runtime;

/// <summary>The engine's only source of time. Dates are taken in China Standard Time (UTC+8).</summary>
public interface IClock
{
    DateTimeOffset Now { get; }
}

public sealed class SystemClock : IClock
{
    public static readonly SystemClock Instance = new();
    public DateTimeOffset Now => DateTimeOffset.UtcNow;
}

/// <summary>A clock that moves only when told to: simulations, tests and the CLI's `run`.</summary>
public sealed class ManualClock(DateTimeOffset start) : IClock
{
    public DateTimeOffset Now { get; private set; } = start;
    public void AdvanceTo(DateTimeOffset moment) { if (moment > Now) Now = moment; }
    public static ManualClock StartingOn(DateOnly date) => new(ChinaTime.StartOf(date));
}

public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);
    public static DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(Offset).DateTime);
    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), Offset);
    /// <summary>The end of a working day: when a period that ends on that date expires.</summary>
    public static DateTimeOffset EndOf(DateOnly date) => new(date.ToDateTime(new TimeOnly(18, 0)), Offset);
}
