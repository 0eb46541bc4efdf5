using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout33.Support.Geo;
using PrivacyHoldout33.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout33.Gaming;

public sealed record ShareRequest(Guid ShareId, Guid OwnerId, string OwnerGamertag, string OwnerEmail, Guid FriendId, TimeSpan Duration);

public sealed record SharedPosition(Guid ShareId, Guid OwnerId, GeoPoint Position, DateTimeOffset At);

public sealed partial class FriendLocationSharing(
    ILogger<FriendLocationSharing> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("GeoPlay.Sharing");
    private readonly Counter<long> _relayed = meter.CreateCounter<long>("geoplay.share.relayed", "{position}");

    [LoggerMessage(EventId = 7301, Level = LogLevel.Information, Message = "{Gamertag} started sharing their location for {Minutes} minutes")]
    private static partial void LogShareStarted(ILogger logger, [PrivateData] string gamertag, double minutes);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "{Gamertag} stopped sharing with {FriendId}")]
    private static partial void LogShareStopped(ILogger logger, string gamertag, Guid friendId);

    public void Start(ShareRequest request)
    {
        using var share = Source.StartShareSession(request.ShareId.ToString("N")).SetShareKind("friend").SetShareDuration(request.Duration.TotalSeconds); // clean generated-api
        share.SetShareViewerId(pseudonymizer.PseudonymizeShareViewerId(request.FriendId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag(ShareAttributes.OwnerContact, pseudonymizer.Compute("share.owner", request.OwnerEmail)); // leak TC1001 precision-pseudonym
        Baggage.SetBaggage("share.id", request.ShareId.ToString("N")); // clean precision-about
        Baggage.SetBaggage("share.owner", request.OwnerGamertag); // leak TC1001 direct
        LogShareStarted(logger, request.OwnerGamertag, request.Duration.TotalMinutes); // clean direct
        meter.CreateShareActiveUpDownCounter().Add(1, shareKind: "friend"); // clean generated-api
    }

    public void Relay(SharedPosition position, int friendCount)
    {
        Activity.Current?.SetTag("share.id", position.ShareId.ToString("N"));
        Activity.Current?.SetTag("share.friend_count", friendCount); // clean precision-names
        logger.LogTrace("Relaying {Position} of {OwnerId} to {FriendCount} friends", position.Position.ToLatLng(), position.OwnerId, friendCount); // leak TC1001 direct
        _relayed.Add(1, new KeyValuePair<string, object?>("owner", pseudonymizer.ComputeShareViewerId(position.OwnerId.ToString()))); // leak TC1003 precision-pseudonym
    }

    public void Stop(ShareRequest request, GeoPoint ownerAt, GeoPoint friendAt)
    {
        var apart = GeoMath.HaversineMetres(ownerAt, friendAt);
        Activity.Current?.SetTag("share.final_distance_m", Math.Round(apart, -2)); // clean precision-about
        LogShareStopped(logger, request.OwnerGamertag, request.FriendId); // leak TC1001 direct
        logger.LogInformation("Share {ShareId} ended: {Request}", request.ShareId, request); // leak TC1001 logging-objects
        meter.CreateShareActiveUpDownCounter().Add(-1, shareKind: "friend");
    }
}
