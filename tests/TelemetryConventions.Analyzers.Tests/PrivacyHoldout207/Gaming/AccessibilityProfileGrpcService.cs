using PrivacyHoldout207.Telemetry;

namespace PrivacyHoldout207.Gaming;

public sealed record SaveProfileRequest(string PlayerId, string Gamertag, string TitleId, string ColourMode, bool MonoAudio, string? HearingAidSerial, int CaptionScale);

public sealed record SaveProfileReply(string ProfileVersion);

/// <summary>Stores players' accessibility profiles: colour-blind filters, captions, mono audio and streaming to a paired hearing aid.</summary>
public sealed partial class AccessibilityProfileGrpcService(
    ILogger<AccessibilityProfileGrpcService> logger,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets)
{
    private static readonly Histogram<int> CaptionScale = new Meter("Accessibility").CreateHistogram<int>("accessibility.caption.scale");
    private readonly Dictionary<string, string> _pairedAidsByGamertag = new();

    public Task<SaveProfileReply> SaveProfile(SaveProfileRequest request, ServerCallContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("accessibility.title", request.TitleId); // clean precision-about
        activity?.SetTag("accessibility.colour_mode", request.ColourMode); // clean precision-about
        activity?.SetTag("accessibility.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("accessibility.gamertag_length", request.Gamertag.Length); // clean precision-about
        activity?.SetTag("accessibility.hearing_aid_paired", request.HearingAidSerial is not null); // clean precision-about

        var player = pseudonymizer.PseudonymizeClearplayClientId(request.PlayerId);
        using var span = source.StartClearplayOperation(request.TitleId);
        span.SetClearplayClientId(player); // clean precision-pseudonym
        span.SetClearplayMode(request.MonoAudio ? "mono-audio" : "captions"); // clean generated-api
        span.SetClearplayNote($"Profile saved for {request.Gamertag}"); // leak TC1001 generated-api
        span.SetClearplayMinutes(request.CaptionScale); // clean generated-api

        CaptionScale.Record(request.CaptionScale, new KeyValuePair<string, object?>("title", request.TitleId)); // clean precision-about
        CaptionScale.Record(request.CaptionScale, new KeyValuePair<string, object?>("player", request.PlayerId)); // leak TC1003 direct

        if (request.HearingAidSerial is { } serial)
        {
            _pairedAidsByGamertag[request.Gamertag] = serial;
            activity?.SetTag("accessibility.hearing_aid.serial", serial); // leak TC1001 direct
            activity?.SetTag("accessibility.hearing_aid.brand_prefix", serial[..2]); // clean precision-about
            LogPaired(logger, request.TitleId, serial); // clean logging-objects
        }

        var profile = new AccessibilityProfile(Guid.Parse(request.PlayerId), request.Gamertag, request.ColourMode, request.MonoAudio, request.HearingAidSerial);
        logger.LogInformation("Saved {Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation("Saved {Profile}", profile with { Gamertag = "", PlayerId = Guid.Empty, PairedHearingAidSerial = null }); // clean logging-objects
        logger.LogInformation("Caption preset {@Preset}", new CaptionPreset("large", request.TitleId, request.CaptionScale, true)); // clean logging-objects

        var partition = Math.Abs(profile.PlayerId.GetHashCode()) % 32;
        activity?.SetTag("accessibility.partition", partition); // leak TC1002 hashes
        var keyed = HMACSHA256.HashData(secrets.ShardKey, profile.PlayerId.ToByteArray())[0] % 32;
        activity?.SetTag("accessibility.keyed_partition", keyed); // clean hashes

        meter.CreateClearplayOperationsCounter().Add(1, request.TitleId, "saved"); // clean generated-api
        return Task.FromResult(new SaveProfileReply("v2"));
    }

    public Task<SaveProfileReply> Unpair(string gamertag, ServerCallContext context)
    {
        var activity = Activity.Current;
        if (!_pairedAidsByGamertag.ContainsKey(gamertag))
        {
            var ex = new RpcException("NotFound", $"No hearing aid paired for {gamertag}");
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogClearplayOperationFailedEvent("pairing", "not-paired", clearplayNote: ex.Message); // leak TC1001 generated-api
            throw ex;
        }

        _pairedAidsByGamertag.Remove(gamertag);
        activity?.SetTag("accessibility.paired.count", _pairedAidsByGamertag.Count); // clean cross-member
        logger.LogInformation("Still paired: {Serials}", _pairedAidsByGamertag.Values); // leak TC1001 cross-member
        return Task.FromResult(new SaveProfileReply("v3"));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hearing aid paired in {TitleId}: {Serial}")]
    private static partial void LogPaired(ILogger logger, string titleId, [PrivateData] string serial);
}
