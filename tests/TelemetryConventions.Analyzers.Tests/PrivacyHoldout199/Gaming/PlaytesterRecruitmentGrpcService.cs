namespace PrivacyHoldout199.Gaming;

public sealed record SignupRequest(PlaytesterSignup Signup, string StudioCode, string BuildId);

public sealed record SignupReply(string SignupId, string Status);

public sealed record InterviewRequest(string SlotId, string CandidateId, string InterviewerEmail);

/// <summary>A games QA agency's gRPC service: playtester sign-ups, screening and interview slots for studios.</summary>
public sealed partial class PlaytesterRecruitmentGrpcService(
    ILogger<PlaytesterRecruitmentGrpcService> logger,
    Pseudonymizer pseudonymizer,
    CandidateStore candidates,
    TelemetrySecrets secrets,
    Meter meter)
{
    private static readonly ActivitySource Source = new("TalentBridge.Playtest");
    private readonly Counter<long> _signups = meter.CreateCounter<long>("playtest.signups");
    private string? _lastGamerTag;

    public Task<SignupReply> SignUp(SignupRequest request, ServerCallContext context)
    {
        var signup = request.Signup;
        _lastGamerTag = signup.GamerTag;
        using var span = Source.StartPlaytestOperation(request.StudioCode);
        span.SetPlaytestRole("qa-tester"); // clean generated-api
        span.SetPlaytestStage("applied"); // clean generated-api
        span.SetPlaytestClientId(pseudonymizer.PseudonymizePlaytestClientId(signup.Email)); // clean precision-pseudonym
        span.SetPlaytestNote(signup.GamerTag); // leak TC1001 generated-api

        var activity = span.Activity;
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("client.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("playtest.signup.id", signup.SignupId); // clean precision-names
        activity?.SetTag("playtest.build.id", request.BuildId); // clean precision-names
        activity?.SetTag("playtest.platform", signup.Platform); // clean precision-about
        activity?.SetTag("playtest.gamertag", signup.GamerTag); // leak TC1001 direct
        activity?.SetTag("playtest.email", signup.Email); // leak TC1001 direct
        activity?.SetTag("playtest.email_domain", signup.Email[(signup.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("playtest.adult", signup.Age >= 18); // clean precision-about
        activity?.SetTag("playtest.gamertag_length", signup.GamerTag.Length); // clean precision-about

        _signups.Add(1, new KeyValuePair<string, object?>("studio", request.StudioCode)); // clean precision-names
        _signups.Add(1, new KeyValuePair<string, object?>("platform", signup.Platform), new KeyValuePair<string, object?>("gamertag", signup.GamerTag)); // leak TC1003 direct
        meter.CreatePlaytestOperationsCounter().Add(1, request.StudioCode, playtestOutcome: "signed-up"); // clean generated-api

        var tagHash = signup.GamerTag.ToLowerInvariant().GetHashCode();
        activity?.SetTag("playtest.gamertag_hash", tagHash); // leak TC1002 hashes
        var emailHash = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(signup.Email)));
        logger.LogInformation("Sign-up dedupe {Hash}", emailHash); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var bucket = hmac.ComputeHash(Encoding.UTF8.GetBytes(signup.Email))[0] % 16;
        activity?.SetTag("playtest.bucket", bucket); // clean hashes

        logger.LogInformation("Sign-up {Signup}", signup); // leak TC1001 logging-objects
        logger.LogInformation("Sign-up {SignupId} for {Studio} on {Platform}", signup.SignupId, request.StudioCode, signup.Platform); // clean logging-objects
        using (logger.BeginScope(new Dictionary<string, object?> { ["SignupId"] = signup.SignupId, ["GamerTag"] = signup.GamerTag })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Screening queued"); // clean logging-objects
        }

        LogSignupReceived(logger, signup.SignupId, signup.Email); // clean logging-objects
        LogGamerTagReserved(logger, signup.GamerTag); // leak TC1001 logging-objects
        return Task.FromResult(new SignupReply(signup.SignupId, "received"));
    }

    public Task<SignupReply> BookInterview(InterviewRequest request, ServerCallContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("playtest.slot.id", request.SlotId); // clean precision-names
        activity?.SetTag("playtest.interviewer", request.InterviewerEmail); // leak TC1001 direct
        activity?.SetTag("playtest.candidate.id", request.CandidateId); // leak TC1001 direct
        activity?.SetTag("playtest.candidate.ref", pseudonymizer.ComputePlaytestClientId(request.CandidateId)); // clean precision-pseudonym

        var candidate = candidates.Find(request.CandidateId);
        if (candidate is null)
        {
            var rpc = new RpcException("NOT_FOUND", $"no candidate {request.CandidateId}");
            activity?.AddException(rpc); // leak TC1001 exceptions
            logger.LogWarning("Interview not booked: {Status}", rpc.Status); // clean exceptions
            throw rpc;
        }

        try
        {
            throw new SlotTakenException(request.SlotId);
        }
        catch (SlotTakenException ex)
        {
            logger.LogWarning(ex, "Slot clash"); // clean exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        var booking = new InterviewBooking("IB-" + request.SlotId, candidate.CandidateId, candidate.FullName, request.InterviewerEmail, DateTimeOffset.UtcNow.AddDays(2));
        logger.LogInformation("Interview booked {@Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Interview booked {BookingId} at {StartsAt}", booking.BookingId, booking.StartsAt); // clean precision-about
        activity?.AddEvent(new ActivityEvent("interview.booked", tags: new ActivityTagsCollection { ["candidate"] = candidate.FullName })); // leak TC1001 direct
        activity?.AddEvent(new ActivityEvent("interview.booked", tags: new ActivityTagsCollection { ["booking"] = booking.BookingId })); // clean precision-names
        logger.LogPlaytestOperationFailedEvent("studio-a", "clash", playtestClientId: pseudonymizer.PseudonymizePlaytestClientId(candidate.CandidateId)); // clean generated-api
        return Task.FromResult(new SignupReply(booking.BookingId, "booked"));
    }

    public void Nightly()
    {
        logger.LogInformation("Last sign-up handled: {GamerTag}", _lastGamerTag); // leak TC1001 cross-member
        logger.LogInformation("Last sign-up handled: {Has}", _lastGamerTag is not null); // clean cross-member
        _signups.Add(0, new KeyValuePair<string, object?>("last", _lastGamerTag)); // leak TC1003 cross-member
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-up {SignupId} from {Email}")]
    private static partial void LogSignupReceived(ILogger logger, string signupId, [PrivateData] string email);

    [LoggerMessage(Level = LogLevel.Information, Message = "Gamertag {GamerTag} reserved for the playtest")]
    private static partial void LogGamerTagReserved(ILogger logger, string gamerTag);
}
