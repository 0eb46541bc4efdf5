using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout27.Support;

// Stand-ins for a message broker client: messages carry headers that trace context and baggage
// are injected into and extracted from.

public sealed class OutboundMessage
{
    public required string Topic { get; init; }

    public required string Key { get; init; }

    public required byte[] Body { get; init; }

    public Dictionary<string, string> Headers { get; } = new();
}

public sealed class InboundMessage
{
    public required string Topic { get; init; }

    public required string Key { get; init; }

    public int Partition { get; init; }

    public long Offset { get; init; }

    public required byte[] Body { get; init; }

    public Dictionary<string, string> Headers { get; init; } = new();
}

public interface IMessageProducer
{
    Task ProduceAsync(OutboundMessage message, CancellationToken cancellationToken);
}

public static class MessageHeaders
{
    public static void Set(Dictionary<string, string> headers, string key, string value) => headers[key] = value;

    public static IEnumerable<string> Get(Dictionary<string, string> headers, string key) =>
        headers.TryGetValue(key, out var value) ? new[] { value } : System.Array.Empty<string>();
}
