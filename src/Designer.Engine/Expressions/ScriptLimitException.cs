namespace Designer.Engine.Expressions;

/// <summary>
/// A built-in call refused because its result would pass a limit. Not a JavaScript error: no script can catch it,
/// so the evaluation faults as it does at the time or memory limit.
/// </summary>
internal sealed class ScriptLimitException(string message) : Exception(message);
