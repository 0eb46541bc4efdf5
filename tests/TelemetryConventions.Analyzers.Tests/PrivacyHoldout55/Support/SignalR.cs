using System.Threading;

namespace Microsoft.AspNetCore.SignalR;

// A realtime hub, reduced to what the hubs read.

public abstract class HubCallerContext
{
    public abstract string ConnectionId { get; }

    public abstract string? UserIdentifier { get; }

    public abstract CancellationToken ConnectionAborted { get; }
}

public abstract class Hub
{
    public HubCallerContext Context { get; set; } = null!;
}
