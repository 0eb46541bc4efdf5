namespace PrivacyHoldout190.Gaming;

public sealed record AddMemberRequest(string HouseholdId, string OrganiserPlayerId, string Gamertag, int BirthYear, bool IsChild, string ConsoleSerial);

public sealed record AddMemberReply(string MemberId, int MembersNow);

public sealed record VoiceCommandRequest(string PlayerId, string ConsoleSerial, byte[] Audio, string Language);

public sealed record VoiceCommandReply(string Intent, double Confidence);

public sealed record ShareConsoleRequest(string HouseholdId, string InviteeEmail, string Permission, string ConsoleSerial);

/// <summary>The console's family hub over gRPC: household profiles, voice commands and console sharing.</summary>
public sealed partial class FamilyHubGrpcService(
    ILogger<FamilyHubGrpcService> logger,
    Pseudonymizer pseudonymizer,
    IHouseholdStore households,
    IVoiceTranscriber transcriber,
    TelemetrySecrets secrets,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Gaming.FamilyHub");
    private readonly Histogram<double> _commandConfidence = meter.CreateHistogram<double>("famhub.voice.confidence");

    public async Task<AddMemberReply> AddMember(AddMemberRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("famhub.member.add");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("famhub.member.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("famhub.member.is_child", request.IsChild); // clean precision-about
        activity?.SetTag("famhub.member.age_band", DateTime.UtcNow.Year - request.BirthYear < 13 ? "under-13" : "13-plus"); // clean precision-about
        activity?.SetTag("famhub.organiser", pseudonymizer.ComputeFamplayClientId(request.OrganiserPlayerId)); // clean precision-pseudonym
        activity?.SetTag("famhub.organiser.raw", request.OrganiserPlayerId); // leak TC1001 direct

        var members = await households.MembersAsync(request.HouseholdId, context.CancellationToken);
        if (members.Count >= 6)
        {
            var ex = new RpcException("ResourceExhausted", $"Household {request.HouseholdId} already has six members");
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning("Family full: {Status}", ex.Status); // clean exceptions
            throw ex;
        }

        logger.LogInformation("Members before add: {Members}", members); // leak TC1001 logging-objects
        logger.LogInformation("Members before add: {Count} ({Children} children)", members.Count, members.Count(m => m.IsChild)); // clean precision-about
        logger.LogInformation("Member roles {@Roles}", members.Select(m => new { m.Role, m.IsChild }).ToList()); // clean logging-objects
        logger.LogInformation("Newest member {@Member}", members.LastOrDefault()); // leak TC1001 logging-objects
        LogMemberAdded(logger, request.Gamertag, request.HouseholdId); // clean logging-objects
        LogConsoleBound(logger, request.ConsoleSerial); // leak TC1001 logging-objects

        using var span = Source.StartFamplayOperation("family")
            .SetFamplayClientId(pseudonymizer.PseudonymizeFamplayClientId(request.HouseholdId)) // clean generated-api
            .SetFamplayReadings(members.Count + 1) // clean generated-api
            .SetFamplayDeviceKind("console"); // clean generated-api
        span.SetFamplayNote(request.Gamertag); // leak TC1001 generated-api
        meter.CreateFamplayOperationsCounter().Add(1, "family", request.IsChild ? "child-added" : "adult-added"); // clean generated-api
        meter.CreateFamplayOperationsCounter().Add(1, pseudonymizer.ComputeFamplayClientId(request.HouseholdId), "added"); // leak TC1003 precision-pseudonym
        return new AddMemberReply(Guid.NewGuid().ToString("N"), members.Count + 1);
    }

    public async Task<VoiceCommandReply> VoiceCommand(VoiceCommandRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("famhub.voice");
        activity?.SetTag("famhub.voice.language", request.Language); // clean precision-about
        activity?.SetTag("famhub.voice.audio_bytes", request.Audio.Length); // clean precision-about
        var recording = await transcriber.TranscribeAsync(request.PlayerId, request.Audio, request.Language, context.CancellationToken);
        activity?.SetTag("famhub.voice.recording_id", recording.RecordingId); // clean precision-names
        activity?.SetTag("famhub.voice.text", recording.Transcript); // leak TC1001 direct
        activity?.SetTag("famhub.voice.text_sha256", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(recording.Transcript)))); // leak TC1002 hashes
        activity?.SetTag("famhub.voice.text_hmac", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(recording.Transcript)))[..8]); // clean hashes
        activity?.SetTag("famhub.voice.player_bucket", HashCode.Combine(request.PlayerId) % 64); // leak TC1002 hashes
        _commandConfidence.Record(recording.Confidence, new KeyValuePair<string, object?>("language", recording.Language)); // clean precision-about
        _commandConfidence.Record(recording.Confidence, new KeyValuePair<string, object?>("player", request.PlayerId)); // leak TC1003 direct
        logger.LogInformation("Voice command {RecordingId} took {Seconds}s", recording.RecordingId, recording.Duration.TotalSeconds); // clean precision-names
        return new VoiceCommandReply(recording.Transcript.Split(' ')[0], recording.Confidence);
    }

    public Task<AddMemberReply> ShareConsole(ShareConsoleRequest request, ServerCallContext context)
    {
        var invite = new ShareInvite(Guid.NewGuid().ToString("N"), request.InviteeEmail, request.Permission, request.ConsoleSerial);
        Activity.Current?.SetTag("famhub.share.permission", invite.Permission); // clean precision-names
        Activity.Current?.SetTag("famhub.share.invite_id", invite.InviteId); // clean precision-names
        Activity.Current?.SetTag("famhub.share.invitee_email", invite.InviteeEmail); // leak TC1001 direct
        logger.LogInformation("Share invite {Invite}", invite); // leak TC1001 logging-objects
        logger.LogInformation("Share invite {Invite}", invite with { InviteeEmail = "redacted", DeviceId = "redacted" }); // clean logging-objects
        logger.LogInformation("Share invite for {Domain}", invite.InviteeEmail.Split('@').Last()); // clean precision-about
        return Task.FromResult(new AddMemberReply(invite.InviteId, 0));
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Member {Gamertag} added to {HouseholdId}")]
    private static partial void LogMemberAdded(ILogger logger, [PrivateData] string gamertag, [PrivateData] string householdId);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Console {ConsoleSerial} bound to family")]
    private static partial void LogConsoleBound(ILogger logger, string consoleSerial);
}
