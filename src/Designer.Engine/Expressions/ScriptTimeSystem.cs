using System.Globalization;
using Jint.Runtime;

namespace Designer.Engine.Expressions;

/// <summary>
/// Jint's time system for one evaluation: "now" is the engine's clock (<see cref="ScriptScope.Now"/>), never the
/// machine's, whichever way a script reaches the Date constructor. Local time is UTC, as on every server.
/// </summary>
internal sealed class ScriptTimeSystem(DateTimeOffset now)
    : DefaultTimeSystem(TimeZoneInfo.Utc, CultureInfo.InvariantCulture)
{
    /// <summary>Set before each evaluation by a reused engine (ReusableScriptEngine).</summary>
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>The day a script's helpers count from and the calendar they count on: one evaluation's, or the next one's in a reused engine.</summary>
internal sealed class ScriptDay(DateOnly today, Calendar.IWorkingDayCalendar calendar)
{
    public DateOnly Today { get; set; } = today;
    public Calendar.IWorkingDayCalendar Calendar { get; set; } = calendar;
}
