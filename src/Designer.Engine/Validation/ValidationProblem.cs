namespace Designer.Engine.Validation;

/// <summary>One thing wrong with a definition: which activity (if any), where in the JSON, a stable code, and why.</summary>
public sealed record ValidationProblem(string? ActivityId, string Path, string Code, string Message)
{
    public override string ToString() => ActivityId is null ? $"{Path}: {Message}" : $"{Path} [{ActivityId}]: {Message}";
}

public static class ProblemCodes
{
    public const string InvalidJson = "invalid-json";
    public const string InvalidDefinition = "invalid-definition";
    public const string DuplicateId = "duplicate-id";
    public const string UnknownType = "unknown-type";
    public const string MissingInput = "missing-input";
    public const string InvalidInput = "invalid-input";
    public const string MissingActivity = "missing-activity";
    public const string UnknownPort = "unknown-port";
    public const string Unreachable = "unreachable";
    public const string NoPathToEnd = "no-path-to-end";
    public const string ScriptSyntax = "script-syntax";
    public const string UnsupportedExpression = "unsupported-expression";
    public const string MissingForm = "missing-form";
    public const string InvalidForm = "invalid-form";
    public const string UnknownStage = "unknown-stage";
    public const string UnknownOrganisation = "unknown-organisation";
    public const string UnknownCommittee = "unknown-committee";
    public const string CommitteeScope = "committee-scope";
    public const string EntrustmentOwnLocality = "entrustment-own-locality";
    public const string UnknownRole = "unknown-role";
    public const string UnknownAction = "unknown-action";
    public const string UnknownLocality = "unknown-locality";
    public const string InvalidScope = "invalid-scope";
    public const string InvalidAssumption = "invalid-assumption";
    public const string InvalidDeadline = "invalid-deadline";
}
