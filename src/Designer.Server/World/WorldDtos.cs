namespace Designer.Server.World;

/// <summary>A vocabulary entry as the API reads and writes it: `{"code":"accounting","name":"会计","nameEn":"Accounting"}`.</summary>
public sealed record VocabularyEntryDto(string? Code, string? Name, string? NameEn);

public sealed record CountyDto(string? Code, string? Name);

/// <summary>`{"code","name","nameEn","parent","counties":[{"code","name"}]}`: the parent must exist, codes are unique.</summary>
public sealed record LocalityDto(string? Code, string? Name, string? NameEn, string? Parent, IReadOnlyList<CountyDto>? Counties);
