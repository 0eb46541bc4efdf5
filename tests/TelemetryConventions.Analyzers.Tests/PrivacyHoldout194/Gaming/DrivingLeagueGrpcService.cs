namespace PrivacyHoldout194.Gaming;

/// <summary>
/// A publisher's driving-score game inside the insurer's app: drivers sign in, join weekly leagues
/// and earn badges for journeys without harsh braking. Served over gRPC.
/// </summary>
public sealed partial class DrivingLeagueGrpcService(
    IAppIdentity identity,
    IScoringEngine scoring,
    IJourneyStore journeys,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DrivingLeagueGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Publisher.DrivingLeague");
    private static readonly Meter Meter = new("Publisher.DrivingLeague");
    private static readonly Counter<long> SignIns = Meter.CreateCounter<long>("scorequest.sign_ins");

    public sealed record SignInRequest(string Username, string Password, string DeviceId, string AppVersion, string Platform, bool Biometric);

    public sealed record LeagueRequest(string DriverId, string PolicyNumber, string LeagueId, string Gamertag);

    public sealed record LeagueReply(string LeagueId, int Rank, int Score);

    public async Task<SignInResult> SignIn(SignInRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("league.sign_in");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("app.version", request.AppVersion); // clean precision-about
        activity?.SetTag("app.platform", request.Platform); // clean precision-about
        activity?.SetTag("app.biometric", request.Biometric); // clean precision-about
        activity?.SetTag("app.username", request.Username); // leak TC1001 direct
        activity?.SetTag("app.device_id", request.DeviceId); // leak TC1001 direct
        activity?.SetTag("app.username_domain", request.Username[(request.Username.IndexOf('@') + 1)..]); // clean precision-about

        var signIn = new AppSignIn(request.Username, request.DeviceId, context.Peer, request.AppVersion, request.Platform, request.Biometric);
        logger.LogInformation("Sign-in attempt {SignIn}", signIn); // leak TC1001 logging-objects
        logger.LogInformation("Sign-in attempt {@Attempt}", new { request.AppVersion, request.Platform, request.Biometric }); // clean logging-objects
        var result = await identity.SignInAsync(signIn, context.CancellationToken);
        logger.LogInformation("Sign-in finished {Result}", result); // clean logging-objects
        SignIns.Add(1, new KeyValuePair<string, object?>("method", result.Method), new KeyValuePair<string, object?>("succeeded", result.Succeeded)); // clean precision-about
        SignIns.Add(1, new KeyValuePair<string, object?>("device", request.DeviceId)); // leak TC1003 direct
        if (!result.Succeeded)
        {
            var failure = new RpcException("Unauthenticated", $"sign-in failed for {request.Username}");
            activity?.SetStatus(ActivityStatusCode.Error, failure.Message); // leak TC1001 exceptions
            logger.LogWarning("Sign-in failed after {Attempts} attempts on {Platform}", result.Attempts, request.Platform); // clean precision-about
            LogSignInFailed(logger, request.Username, result.Attempts); // clean logging-objects
        }

        return result;
    }

    public async Task<LeagueReply> JoinLeague(LeagueRequest request, ServerCallContext context)
    {
        var driver = pseudonymizer.PseudonymizeScorequestClientId(request.DriverId);
        using var activity = Source.StartActivity("league.join");
        activity?.SetTag("league.id", request.LeagueId); // clean precision-names
        activity?.SetTag("league.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("league.gamertag_length", request.Gamertag.Length); // clean precision-about
        activity?.SetTag("league.driver", driver); // clean precision-pseudonym
        activity?.SetTag("league.driver_ref", Pseudonym.FromComputed(request.DriverId)); // leak TC1001 precision-pseudonym
        activity?.SetTag("league.driver_bucket", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.DriverId)))[..6]); // leak TC1002 hashes
        activity?.SetTag("league.driver_bucket_keyed", Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.DriverId)))[..6]); // clean hashes

        var week = DateOnly.FromDateTime(DateTime.UtcNow);
        var list = await journeys.GetJourneysAsync(request.PolicyNumber, week, context.CancellationToken);
        var score = await scoring.ScoreAsync(request.PolicyNumber, list, context.CancellationToken);
        var smooth = list.Count(j => j.HarshBrakes == 0);
        activity?.SetTag("league.smooth_journeys", smooth); // clean precision-about
        activity?.AddEvent(new ActivityEvent("league.badge", tags: new ActivityTagsCollection { ["badge"] = smooth >= 5 ? "smooth-operator" : "none", ["score"] = score.Score })); // clean precision-about
        activity?.AddEvent(new ActivityEvent("league.joined", tags: new ActivityTagsCollection { ["policy"] = request.PolicyNumber })); // leak TC1001 direct

        using var span = Source.StartScorequestOperation(request.LeagueId); // clean generated-api
        span.SetScorequestClientId(driver); // clean generated-api
        span.SetScorequestOutcome("joined"); // clean generated-api
        span.SetScorequestNote("joined as " + request.Gamertag); // leak TC1001 generated-api
        Meter.CreateScorequestOperationsCounter().Add(1, request.LeagueId, scorequestOutcome: "joined"); // clean generated-api
        logger.LogScorequestOperationFailedEvent(request.LeagueId, "late", scorequestClientId: driver, scorequestNote: $"joined in week {week}"); // clean generated-api
        logger.LogInformation("Joined {@Profile}", new DriverProfile { DisplayName = request.Gamertag, PolicyNumber = request.PolicyNumber, Score = score.Score }); // leak TC1001 logging-objects
        logger.LogInformation("Joined {Profile}", new DriverProfile { DisplayName = request.Gamertag, PolicyNumber = request.PolicyNumber, Score = score.Score }); // clean logging-objects
        return new LeagueReply(request.LeagueId, 0, score.Score);
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Warning, Message = "Sign-in failed for {Username} after {Attempts} attempts")]
    private static partial void LogSignInFailed(ILogger logger, [PrivateData] string username, int attempts);
}
