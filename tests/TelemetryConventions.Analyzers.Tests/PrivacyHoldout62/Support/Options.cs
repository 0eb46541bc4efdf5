namespace Microsoft.Extensions.Options;

// A stand-in for Microsoft.Extensions.Options, which the corpus's references do not carry.

public interface IOptions<out TOptions>
    where TOptions : class
{
    TOptions Value { get; }
}

public interface IOptionsMonitor<out TOptions>
{
    TOptions CurrentValue { get; }
}
