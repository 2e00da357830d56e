namespace Designer.Server.LoadTest;

public static class LoadDriver
{
    public static Task<int> RunAsync(string[] args) => Task.FromResult(0);
}
