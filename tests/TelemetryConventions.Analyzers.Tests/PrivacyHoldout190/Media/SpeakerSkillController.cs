namespace PrivacyHoldout190.Media;

public sealed record SkillRequest(string ListenerId, string SpeakerDeviceId, string ProfileName, string Utterance, string Locale, string StationId);

public sealed record PlaybackStarted(string StationId, string ProgrammeId, string Locale, int ProfilesInHome);

public sealed record ListenerProfile(string ListenerId, string DisplayName, string Email, string VoiceMatchId, bool KidsMode);

/// <summary>The broadcaster's smart-speaker skill: voice requests per household profile.</summary>
[ApiController]
[Route("skill")]
public sealed partial class SpeakerSkillController(ILogger<SpeakerSkillController> logger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Media.SpeakerSkill");
    private static readonly Counter<long> Requests = new Meter("Media.SpeakerSkill").CreateCounter<long>("skill.requests");
    private ListenerProfile? _profile;

    [HttpPost("invoke")]
    public ActionResult Invoke([FromBody] SkillRequest request)
    {
        var activity = Activity.Current;
        activity?.SetTag("skill.station_id", request.StationId); // clean precision-names
        activity?.SetTag("skill.locale", request.Locale); // clean precision-about
        activity?.SetTag("skill.utterance", request.Utterance); // leak TC1001 direct
        activity?.SetTag("skill.utterance.length", request.Utterance.Length); // clean precision-about
        activity?.SetTag("skill.speaker_device_id", request.SpeakerDeviceId); // leak TC1001 direct
        activity?.SetTag("skill.profile_name", request.ProfileName); // leak TC1001 direct
        activity?.SetTag("skill.listener", pseudonymizer.PseudonymizeVoicecastClientId(request.ListenerId)); // clean precision-pseudonym
        activity?.SetTag("http.user_agent", HttpContext.RequestHeaders.TryGetValue("User-Agent", out var ua) ? ua : null); // clean precision-names
        activity?.SetTag("skill.authenticated", HttpContext.User.IsAuthenticated); // clean precision-about
        activity?.SetTag("enduser.id", HttpContext.User.SubjectId); // leak TC1001 direct
        Requests.Add(1, new KeyValuePair<string, object?>("station", request.StationId), new KeyValuePair<string, object?>("locale", request.Locale)); // clean precision-names
        Requests.Add(1, new KeyValuePair<string, object?>("listener", pseudonymizer.PseudonymizeVoicecastClientId(request.ListenerId))); // leak TC1003 precision-pseudonym
        Baggage.SetBaggage("skill.listener", pseudonymizer.ComputeVoicecastClientId(request.ListenerId)); // clean precision-pseudonym
        Baggage.SetBaggage("skill.device", request.SpeakerDeviceId); // leak TC1001 direct

        var utteranceKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.ListenerId + request.Utterance)));
        logger.LogDebug("Utterance cache key {Key}", utteranceKey); // leak TC1002 hashes
        logger.LogDebug("Utterance shard {Shard}", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.ListenerId))[0] % 32); // clean hashes

        using var span = Source.StartVoicecastOperation(request.StationId)
            .SetVoicecastClientId(pseudonymizer.PseudonymizeVoicecastClientId(request.ListenerId)) // clean generated-api
            .SetVoicecastDeviceKind("speaker") // clean generated-api
            .SetVoicecastOutcome("played"); // clean generated-api
        span.SetVoicecastNote(string.Concat("asked: ", request.Utterance)); // leak TC1001 generated-api
        span.SetVoicecastNote($"locale {request.Locale}, station {request.StationId}"); // clean generated-api
        meter.CreateVoicecastOperationDurationHistogram().Record(0.8, request.StationId); // clean generated-api
        meter.CreateVoicecastOperationDurationHistogram().Record(0.8, request.ProfileName); // leak TC1003 generated-api

        var started = new PlaybackStarted(request.StationId, "prog-" + request.StationId, request.Locale, 3);
        logger.LogInformation("Playback {@Started}", started); // clean logging-objects
        logger.LogInformation("Request {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Request {Request}", request with { Utterance = "", ProfileName = "" }); // leak TC1001 logging-objects
        LogRequest(logger, request.ListenerId, request.Utterance, request.StationId); // clean logging-objects
        return Ok();
    }

    [HttpPost("profile")]
    public ActionResult SelectProfile([FromBody] ListenerProfile profile)
    {
        _profile = profile;
        Activity.Current?.SetTag("skill.profile.kids_mode", profile.KidsMode); // clean precision-about
        Activity.Current?.SetTag("skill.profile.voice_match_id", profile.VoiceMatchId); // leak TC1001 direct
        return Ok();
    }

    [HttpGet("profile/trace")]
    public ActionResult TraceProfile()
    {
        logger.LogInformation("Active profile {Name}", _profile?.DisplayName); // leak TC1001 cross-member
        logger.LogInformation("Active profile email {Email}", _profile?.Email); // leak TC1001 cross-member
        logger.LogInformation("Active profile kids mode {KidsMode}", _profile?.KidsMode); // clean cross-member
        logger.LogInformation("Active profile {Profile}", new HubProfile { HouseholdId = _profile?.ListenerId ?? "", AccountHolderName = _profile?.DisplayName ?? "" }); // clean logging-objects
        logger.LogInformation("Active profile {@Profile}", new HubProfile { HouseholdId = _profile?.ListenerId ?? "", AccountHolderName = _profile?.DisplayName ?? "" }); // leak TC1001 logging-objects
        try
        {
            throw new TranscriptionFailedException("cy-GB", 4.2);
        }
        catch (TranscriptionFailedException ex)
        {
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogVoicecastOperationFailedEvent("skill", "transcription", voicecastNote: ex.Message); // clean generated-api
        }

        return Ok();
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Debug, Message = "Listener {ListenerId} said {Utterance} on {StationId}")]
    private static partial void LogRequest(ILogger logger, [PrivateData] string listenerId, [PrivateData] string utterance, string stationId);
}
