namespace PrivacyHoldout174.Gaming;

/// <summary>Links a carer's account to a disabled player's so the carer can take over the controller (carer mode), over gRPC.</summary>
public sealed class CarerModeGrpcService(ILogger<CarerModeGrpcService> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Studio.CarerMode");
    private static readonly Meter Meter = new("Studio.CarerMode");
    private static readonly Counter<long> Links = Meter.CreateCounter<long>("carer_mode.links");

    public Task<string> Link(CarerLink link, ServerCallContext context)
    {
        using var span = Source.StartCarermodeOperation("north-studio");
        span.SetCarermodeClientId(pseudonymizer.PseudonymizeCarermodeClientId(link.PlayerId.ToString())); // clean precision-pseudonym
        span.SetCarermodeCarerId(pseudonymizer.PseudonymizeCarermodeCarerId(link.CarerPlayerId.ToString())); // clean precision-pseudonym
        span.SetCarermodeNote($"Carer {link.CarerGamertag} linked as {link.Relationship}"); // leak TC1001 generated-api

        var activity = Activity.Current;
        activity?.SetTag("rpc.method", context.Method); // clean precision-about
        activity?.SetTag("carer_mode.relationship", link.Relationship); // clean precision-about
        activity?.SetTag("carer_mode.player_id", link.PlayerId); // leak TC1001 direct
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("carer_mode.gamertag_length", link.CarerGamertag.Length); // clean precision-about

        logger.LogInformation("Carer mode link {Link}", link); // leak TC1001 logging-objects
        logger.LogInformation("Carer mode linked, relationship {Relationship}", link.Relationship); // clean precision-about

        var lane = new Guid(SHA1.HashData(link.CarerPlayerId.ToByteArray())[..16]);
        activity?.SetTag("carer_mode.lane", lane); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var laneKeyed = hmac.ComputeHash(link.CarerPlayerId.ToByteArray())[0] % 8;
        Links.Add(1, new KeyValuePair<string, object?>("lane", laneKeyed)); // clean hashes
        Links.Add(1, new KeyValuePair<string, object?>("relationship", link.Relationship)); // clean precision-about

        try
        {
            throw new CarerAlreadyLinkedException(link.CarerGamertag);
        }
        catch (CarerAlreadyLinkedException ex)
        {
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            throw new RpcException("AlreadyExists", "The carer is already linked");
        }
    }

    public Task Unlink(CarerLink link, string reason, ServerCallContext context)
    {
        using var span = Source.StartCarermodeOperation("north-studio");
        span.SetCarermodeOutcome("unlinked"); // clean generated-api
        span.SetCarermodeOutcome(link.CarerGamertag); // leak TC1001 generated-api
        logger.LogInformation("Carer mode unlinked, reason {Reason}", reason); // clean precision-about
        logger.LogInformation("Carer {CarerGamertag} unlinked from {Player}", link.CarerGamertag, link.PlayerId); // leak TC1001 direct
        context.RequestHeaders.TryGetValue("x-device-id", out var device);
        Activity.Current?.SetTag("carer_mode.device", device); // leak TC1001 direct
        Activity.Current?.SetTag("carer_mode.has_device", device is not null); // clean precision-about
        return Task.CompletedTask;
    }
}
