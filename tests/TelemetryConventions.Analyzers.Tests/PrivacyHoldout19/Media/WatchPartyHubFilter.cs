using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout19.Media;

/// <summary>Loads the viewing profile into the connection's items and logs connection lifetimes.</summary>
public sealed class WatchPartyHubFilter(IProfiles profiles, ILogger<WatchPartyHubFilter> logger) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var caller = context.Context;
        if (Guid.TryParse(caller.User?.FindFirst("profile_id")?.Value, out var profileId) && await profiles.FindAsync(profileId, caller.ConnectionAborted) is { } profile)
        {
            caller.Items["profile.name"] = profile.Name;
            caller.Items["connected.at"] = Stopwatch.GetTimestamp();
            logger.LogInformation("Connection {ConnectionId} uses a {ProfileKind} profile in {Locale}", caller.ConnectionId, profile.IsKids ? "kids" : "standard", profile.Locale); // clean precision-about
        }
        else
        {
            logger.LogWarning("Connection {ConnectionId} of {Subscriber} has no usable profile", caller.ConnectionId, caller.User?.FindFirst(ClaimTypes.Email)?.Value); // leak TC1001 direct
        }

        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        var lasted = context.Context.Items.TryGetValue("connected.at", out var at) && at is long started ? Stopwatch.GetElapsedTime(started) : TimeSpan.Zero;
        logger.LogInformation("Connection {ConnectionId} closed after {Duration} ({Error})", context.Context.ConnectionId, lasted, exception?.GetType().Name); // clean exceptions
        await next(context, exception);
    }
}
