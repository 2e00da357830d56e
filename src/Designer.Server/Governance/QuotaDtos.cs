namespace Designer.Server.Governance;

/// <summary>
/// A unit's posts of a kind at a level (岗位设置比例及使用数量): set by the county's HR bureau, filed with the
/// prefecture's before evaluation (status set → filed); `used` counts the posts applications hold.
/// </summary>
public sealed record QuotaDto(
    long Id, string Locality, string Unit, string PostKind, string Level, int Posts, int Used, string Status,
    string? SetBy, string? SetOn, string? FiledBy, string? FiledOn, string? FilingNumber);

/// <summary>Sets (or changes) a unit's number of posts; a changed number must be filed again.</summary>
public sealed record QuotaRequest(string? Locality, string? Unit, string? PostKind, string? Level, int? Posts);

/// <summary>Records the filing with the prefecture's HR bureau (备案号).</summary>
public sealed record QuotaFilingRequest(string? FilingNumber);

/// <summary>A filed quota as the public pages show it (岗位数额公开).</summary>
public sealed record PublicQuota(string Locality, string Unit, string PostKind, string Level, int Posts, int Used, string? FiledOn);
