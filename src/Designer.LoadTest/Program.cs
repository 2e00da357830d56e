using System.Text;

namespace Designer.LoadTest;

public static class Program
{
    public static Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        if (args is ["journal", ..]) return JournalMeasurement.RunAsync(args, Console.Out);
        return LoadTestCommand.RunAsync(args, Console.Out, Console.Error);
    }
}
