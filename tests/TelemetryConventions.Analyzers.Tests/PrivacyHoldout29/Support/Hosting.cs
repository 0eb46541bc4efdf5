using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout29.Support.Hosting;

// The shapes of a web host the services use: an incoming webhook request and the options pattern.

public sealed class WebhookRequest
{
    public required string Path { get; init; }

    public string QueryString { get; init; } = string.Empty;

    public required string Body { get; init; }

    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string? RemoteIpAddress { get; init; }
}

public interface IOptions<out T>
    where T : class
{
    T Value { get; }
}

public sealed class PrivacyOpsOptions
{
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(6 * 365);

    public int BatchSize { get; set; } = 200;

    public bool TraceContactDetails { get; set; }

    public string ListId { get; set; } = "a1b2c3";
}
