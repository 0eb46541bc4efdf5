using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout10.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout10.Media;

public sealed record EdgeRequest(IPAddress ClientIp, Uri Url, string UserAgent, int Status, long BytesSent, string PopCode, TimeSpan Elapsed);

public sealed record StreamToken(string SubscriberId, string ProfileName, DateTimeOffset Expires, string AssetId);

public interface IStreamTokenReader
{
    StreamToken? Read(string token);
}

public sealed class ExpiredTokenException(StreamToken token)
    : Exception($"token of subscriber {token.SubscriberId} expired at {token.Expires:O}")
{
    public StreamToken Token { get; } = token;
}

/// <summary>Access log of a streaming edge node: segment requests signed with <c>?token=</c>.</summary>
public sealed class EdgeRequestLogger(IStreamTokenReader tokens, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<EdgeRequestLogger> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout10.Media.Edge");
    private static readonly Meter Meter = new("PrivacyHoldout10.Media.Edge");
    private static readonly Counter<long> Bytes = Meter.CreateCounter<long>("edge.bytes", "By");

    public void Record(EdgeRequest request)
    {
        using var activity = Source.StartActivity("edge.segment");
        activity?.SetTag("edge.pop", request.PopCode); // clean precision-names
        activity?.SetTag("http.response.status_code", request.Status);
        activity?.SetTag("user_agent.original", request.UserAgent); // clean precision-names
        activity?.SetTag("url.path", request.Url.AbsolutePath); // clean strings
        activity?.SetTag("url.full", request.Url.ToString()); // leak TC1001 strings
        activity?.SetTag("client.address", request.ClientIp.ToString()); // leak TC1001 direct
        Bytes.Add(request.BytesSent, new KeyValuePair<string, object?>("edge.pop", request.PopCode));
        Bytes.Add(request.BytesSent, new KeyValuePair<string, object?>("client.address", request.ClientIp.ToString())); // leak TC1003 direct

        var family = request.ClientIp.AddressFamily.ToString();
        activity?.SetTag("client.address.family", family); // clean precision-about

        var rawToken = HttpUtility.ParseQueryString(request.Url.Query)["token"];
        if (rawToken is null)
        {
            return;
        }

        activity?.SetTag("edge.token.length", rawToken.Length); // clean precision-about
        var token = tokens.Read(rawToken);
        if (token is null)
        {
            logger.LogWarning("Unreadable token {Token}", rawToken); // leak TC1001 direct
            return;
        }

        try
        {
            if (token.Expires < DateTimeOffset.UtcNow)
            {
                throw new ExpiredTokenException(token);
            }
        }
        catch (ExpiredTokenException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("error.type", nameof(ExpiredTokenException)); // clean exceptions
            logger.LogInformation("Expired token for asset {Asset}", ex.Token.AssetId); // clean exceptions
            return;
        }

        var subscriberRef = pseudonymizer.Pseudonymize("subscriber", token.SubscriberId);
        activity?.SetTag("edge.asset", token.AssetId); // clean precision-names
        activity?.SetTag("edge.subscriber", subscriberRef); // clean precision-pseudonym
        activity?.SetTag("edge.profile", token.ProfileName); // leak TC1001 cross-member
        Activity.Current?.AddBaggage("subscriber.ref", subscriberRef.Value); // clean precision-pseudonym
        activity?.SetTag("edge.subscriber.sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.SubscriberId))).ToLowerInvariant()); // leak TC1002 hashes
        logger.LogInformation("Segment of {Asset} served in {Elapsed} to {Request}", token.AssetId, request.Elapsed, request); // leak TC1001 logging-objects
    }
}
