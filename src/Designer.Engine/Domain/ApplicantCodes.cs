namespace Designer.Engine.Domain;

/// <summary>The codes of the shared applicant fields (contract.md) that a procedure's scope may name.</summary>
public static class ApplicantCodes
{
    public static readonly IReadOnlyList<string> EmploymentTypes =
        ["public-institution", "enterprise", "freelancer", "civil-servant", "civil-servant-managed", "retired"];
    public static readonly IReadOnlyList<string> Series =
        ["teacher", "health", "agriculture", "animal-husbandry", "veterinary", "water", "forestry", "engineering", "career-farmer", "tech-broker", "digital-economy"];
    public static readonly IReadOnlyList<string> Levels = ["junior", "assistant", "intermediate", "deputy-senior", "full-senior"];
    public static readonly IReadOnlyList<string> Kinds = ["directed", "general", "initial-recognition", "special-talent", "aid-xinjiang"];
    public static readonly IReadOnlyList<string> WorkplaceLevels = ["township", "county", "prefecture"];
    public static readonly IReadOnlyList<string> Education = ["secondary-vocational", "college", "bachelor", "master", "doctorate"];
}
