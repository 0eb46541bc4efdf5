using System;
using System.Collections.Generic;
using System.Net;

namespace PrivacyHoldout33.Support.Web;

// The parts of an HTTP request the location endpoints read.

public sealed class RequestConnection
{
    public IPAddress RemoteIpAddress { get; init; } = IPAddress.Loopback;

    public int RemotePort { get; init; }
}

public sealed class LocationRequestContext
{
    public RequestConnection Connection { get; init; } = new();

    public string Path { get; init; } = "/";

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public string? SubjectId { get; init; }
}

/// <summary>A push to a person's phone (not telemetry).</summary>
public interface IPushSender
{
    void Send(string recipient, string title, string body);
}
