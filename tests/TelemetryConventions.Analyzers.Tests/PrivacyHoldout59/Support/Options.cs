namespace Microsoft.Extensions.Options;

// The options pattern, reduced to what the services read.

public interface IOptions<out TOptions>
    where TOptions : class
{
    TOptions Value { get; }
}

public interface IOptionsMonitor<out TOptions>
{
    TOptions CurrentValue { get; }

    TOptions Get(string? name);
}

public static class Options
{
    public static IOptions<TOptions> Create<TOptions>(TOptions options)
        where TOptions : class => new Wrapper<TOptions>(options);

    private sealed class Wrapper<TOptions>(TOptions value) : IOptions<TOptions>
        where TOptions : class
    {
        public TOptions Value { get; } = value;
    }
}
