namespace PrivacyHoldout14.Support;

// Stand-ins for Microsoft.Extensions.Options and a message bus, so that the corpus compiles
// without them. Only the shapes matter.

public interface IOptions<out TOptions>
    where TOptions : class
{
    TOptions Value { get; }
}

public sealed class OptionsWrapper<TOptions>(TOptions options) : IOptions<TOptions>
    where TOptions : class
{
    public TOptions Value { get; } = options;
}

public interface IOptionsMonitor<out TOptions>
{
    TOptions CurrentValue { get; }
}
