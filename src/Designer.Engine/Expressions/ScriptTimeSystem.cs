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
    public override DateTimeOffset GetUtcNow() => now;
}
