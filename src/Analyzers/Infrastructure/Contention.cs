namespace TelemetryConventions.Analyzers.Infrastructure;

/// <summary>
/// Sizes for the shared answers every analysis thread adds to (one per value or site followed): they
/// reach thousands of entries in a compilation, so they start past the first few resizes, and with
/// more locks than processors so that threads adding at once rarely wait on the same one.
/// </summary>
internal static class Contention
{
    public const int Locks = 64;

    public const int Capacity = 256;
}
