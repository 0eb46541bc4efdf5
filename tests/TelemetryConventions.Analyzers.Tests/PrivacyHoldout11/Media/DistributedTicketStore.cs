using System;
using System.Diagnostics;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Support;

namespace PrivacyHoldout11.Media;

/// <summary>
/// Server-side sessions of the streaming site: the cookie holds only the session key, the ticket is kept
/// in the distributed cache, and a subscriber's sessions are indexed so "sign out everywhere" works.
/// </summary>
public sealed class DistributedTicketStore(IDistributedCache cache, ILogger<DistributedTicketStore> logger) : ITicketStore
{
    private const string KeyPrefix = "session:";

    private static readonly ActivitySource Source = new("Streaming.Sessions");
    private static readonly Meter Meter = new("Streaming.Sessions");
    private static readonly UpDownCounter<long> ActiveSessions = Meter.CreateUpDownCounter<long>("sessions.active");
    private static readonly Histogram<double> TicketSize = Meter.CreateHistogram<double>("sessions.ticket.size", "By");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        using var activity = Source.StartActivity("session.store");
        var key = KeyPrefix + Guid.NewGuid().ToString("N");
        var subscriberId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
        var payload = Serialize(ticket);

        await cache.SetAsync(key, payload, Options(ticket));
        await cache.SetAsync($"subscriber-sessions:{subscriberId}:{key}", Array.Empty<byte>(), Options(ticket));

        activity?.SetTag("session.key", key); // clean precision-names
        activity?.SetTag("session.scheme", ticket.AuthenticationScheme);
        activity?.SetTag("session.index_key", $"subscriber-sessions:{subscriberId}:{key}"); // leak TC1001 strings
        ActiveSessions.Add(1, new KeyValuePair<string, object?>("scheme", ticket.AuthenticationScheme));
        TicketSize.Record(payload.Length, new KeyValuePair<string, object?>("plan", ticket.Principal.FindFirstValue("plan"))); // clean precision-about
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        using var activity = Source.StartActivity("session.renew");
        await cache.SetAsync(key, Serialize(ticket), Options(ticket));
        activity?.SetTag("session.expires", ticket.Properties.ExpiresUtc?.ToString("O"));
        activity?.SetTag("session.owner", ticket.Principal.FindFirstValue(ClaimTypes.Email)); // leak TC1001 cross-member
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        using var activity = Source.StartActivity("session.retrieve");
        var bytes = await cache.GetAsync(key);
        activity?.SetTag("session.found", bytes is not null);
        if (bytes is null)
        {
            logger.LogDebug("Session {SessionKey} expired or evicted", key); // clean precision-names
            return null;
        }

        try
        {
            return Deserialize(bytes);
        }
        catch (JsonException ex)
        {
            logger.LogError(ex, "Session {SessionKey} could not be read: {Payload}", key, Encoding.UTF8.GetString(bytes)); // leak TC1001 strings
            return null;
        }
    }

    public async Task RemoveAsync(string key)
    {
        await cache.RemoveAsync(key);
        ActiveSessions.Add(-1);
    }

    private static DistributedCacheEntryOptions Options(AuthenticationTicket ticket) =>
        new() { AbsoluteExpiration = ticket.Properties.ExpiresUtc ?? DateTimeOffset.UtcNow.AddDays(14) };

    private static byte[] Serialize(AuthenticationTicket ticket) =>
        JsonSerializer.SerializeToUtf8Bytes(new StoredTicket(ticket.AuthenticationScheme, ticket.Principal.Claims.Select(c => new StoredClaim(c.Type, c.Value)).ToArray(), ticket.Properties.ExpiresUtc));

    private static AuthenticationTicket Deserialize(byte[] bytes)
    {
        var stored = JsonSerializer.Deserialize<StoredTicket>(bytes) ?? throw new JsonException("Empty ticket");
        var identity = new ClaimsIdentity(stored.Claims.Select(c => new Claim(c.Type, c.Value)), stored.Scheme);
        return new AuthenticationTicket(new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = stored.ExpiresUtc }, stored.Scheme);
    }

    private sealed record StoredClaim(string Type, string Value);

    private sealed record StoredTicket(string Scheme, StoredClaim[] Claims, DateTimeOffset? ExpiresUtc);
}
