namespace Designer.Server.Hosting;

/// <summary>Ends a request with the given problem answer from deep inside a service (caught by the exception handler).</summary>
public sealed class ApiProblemException(IResult result) : Exception("API problem")
{
    public IResult Result { get; } = result;
}
