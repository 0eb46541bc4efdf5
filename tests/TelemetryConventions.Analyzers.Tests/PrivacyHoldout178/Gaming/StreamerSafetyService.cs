namespace PrivacyHoldout178.Gaming;

public sealed record SwattingAlertRequest(string StreamerPlayerId, string StreamerHandle, string HomeThreeWords, string LocalForce);

public sealed record SwattingAlertReply(string AlertId, bool Registered);

/// <summary>gRPC service that registers a streamer's home with the local police force's swatting-awareness list.</summary>
public sealed class StreamerSafetyService(Pseudonymizer pseudonymizer, ILogger<StreamerSafetyService> logger)
{
    private static readonly ActivitySource Source = new("Studio.StreamerSafety");
    private static readonly Meter Meter = new("Studio.StreamerSafety");
    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("streamer_safety.registrations");

    public Task<SwattingAlertReply> Register(SwattingAlertRequest request, ServerCallContext context)
    {
        using var span = Source.StartPlayersafeOperation(request.LocalForce);
        var alertId = Guid.NewGuid().ToString("N");
        span.Activity?.SetTag("rpc.method", context.Method); // clean precision-names
        span.Activity?.SetTag("swatting.alert", alertId); // clean precision-names
        span.Activity?.SetTag("swatting.force", request.LocalForce); // clean precision-names
        span.SetPlayersafeCallerId(pseudonymizer.PseudonymizePlayersafeCallerId(request.StreamerPlayerId)); // clean precision-pseudonym
        span.Activity?.SetTag("streamer.handle", request.StreamerHandle); // leak TC1001 direct
        span.Activity?.SetTag("streamer.home", request.HomeThreeWords); // leak TC1001 direct
        span.Activity?.SetTag("streamer.handle.length", request.StreamerHandle.Length); // clean precision-about
        Registrations.Add(1, new KeyValuePair<string, object?>("force", request.LocalForce)); // clean precision-about
        logger.LogInformation("Registered {AlertId} with {Force}", alertId, request.LocalForce); // clean precision-names
        logger.LogInformation("Registered {Request}", request with { HomeThreeWords = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Registered {AlertId} for streamer {Streamer}", alertId, pseudonymizer.PseudonymizePlayersafeCallerId(request.StreamerPlayerId)); // clean precision-pseudonym
        logger.LogPlayersafeOperationFailedEvent(request.LocalForce, "registered", playersafeNote: $"Force {request.LocalForce} notified"); // clean generated-api
        Meter.CreatePlayersafeOperationDurationHistogram().Record(0.8, request.LocalForce); // clean generated-api
        return Task.FromResult(new SwattingAlertReply(alertId, true));
    }
}
