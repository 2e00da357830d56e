using Designer.Engine.Runtime;

namespace Designer.Server.Tests.Infrastructure;

/// <summary>Servers whose clock starts on the day a locality's procedure opens (the workflows check their windows).</summary>
public sealed class BazhouFactory() : DesignerFactory(Folders.New(), ManualClock.StartingOn(new DateOnly(2024, 9, 2)));
public sealed class KashgarFactory() : DesignerFactory(Folders.New(), ManualClock.StartingOn(new DateOnly(2020, 6, 1)));
public sealed class QiaochengFactory() : DesignerFactory(Folders.New(), ManualClock.StartingOn(new DateOnly(2023, 10, 9)));
public sealed class SampleCityFactory() : DesignerFactory(Folders.New(), ManualClock.StartingOn(new DateOnly(2021, 3, 1)));

public static class Folders
{
    public static string New() => Path.Combine(Path.GetTempPath(), "designer-tests", Guid.NewGuid().ToString("N"));
}
