namespace PrivacyHoldout206.Gaming;

public sealed record JoinStudyRequest(Guid PlayerId, string Gamertag, string Email, int AgeBand, string Build);

public sealed record QuestionnaireRequest(string ResponseId, Guid PlayerId, string SessionId, string Answer, int Score);

/// <summary>A games research lab's playtest studies over gRPC.</summary>
public sealed partial class PlaytestResearchGrpcService(IQuestionnairePlatform platform, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<PlaytestResearchGrpcService> logger)
{
    private static readonly Counter<long> Joins = StudyTelemetry.Meter.CreateCounter<long>("playlab.joins");

    public Task<string> JoinStudy(JoinStudyRequest request, ServerCallContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("playlab.player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("playlab.player.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("playlab.player.age_band", request.AgeBand); // clean precision-about
        activity?.SetTag("playlab.build", request.Build); // clean precision-names
        var studyNumber = $"PLAY-{request.PlayerId.ToString("N")[..6]}";
        activity?.SetTag("playlab.study_number", studyNumber); // leak TC1001 strings
        activity?.SetTag("playlab.participant", pseudonymizer.ComputePlaylabParticipantId(studyNumber)); // clean precision-pseudonym
        var tester = new Playtester(request.PlayerId, request.Gamertag, studyNumber, request.Email, request.AgeBand);
        logger.LogInformation("Tester joined {Tester}", tester); // leak TC1001 logging-objects
        logger.LogInformation("Tester joined {@Tester}", tester with { Email = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Tester from {Domain} joined build {Build}", request.Email.Split('@')[1], request.Build); // clean precision-about
        Joins.Add(1, new KeyValuePair<string, object?>("playlab.build", request.Build)); // clean precision-names
        activity?.SetTag("playlab.player.bucket", request.PlayerId.GetHashCode() % 32); // leak TC1002 hashes
        Joins.Add(1, new KeyValuePair<string, object?>("playlab.player", pseudonymizer.ComputePlaylabParticipantId(studyNumber))); // leak TC1003 precision-pseudonym
        var cohort = HMACSHA256.HashData(secrets.ShardKey, request.PlayerId.ToByteArray())[0] % 2 == 0 ? "a" : "b";
        activity?.SetTag("playlab.cohort", cohort); // clean hashes
        Joins.Add(1, new KeyValuePair<string, object?>("playlab.cohort", cohort)); // clean hashes
        var slot = Math.Abs(request.Gamertag.GetHashCode()) % 12;
        activity?.SetTag("playlab.slot", slot); // leak TC1002 hashes
        LogJoined(logger, request.Gamertag, request.Build); // clean logging-objects
        LogJoinedEmail(logger, request.Email, request.Build); // leak TC1001 logging-objects
        if (request.AgeBand < 16)
        {
            var ex = new RpcException("FailedPrecondition", $"Player {request.PlayerId} is under the study's minimum age");
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "under minimum age"); // clean exceptions
            throw ex;
        }

        return Task.FromResult(studyNumber);
    }

    public async Task<string> SubmitQuestionnaire(QuestionnaireRequest request, ServerCallContext context)
    {
        using var span = StudyTelemetry.Source.StartPlaylabOperation("lab-2"); // clean generated-api
        span.SetPlaylabItems(request.Score); // clean generated-api
        span.SetPlaylabParticipantId(pseudonymizer.PseudonymizePlaylabParticipantId(request.PlayerId.ToString())); // clean generated-api
        span.SetPlaylabNote(request.Answer); // leak TC1001 generated-api
        span.SetPlaylabNote($"answer of {request.Answer.Split(' ').Length} words"); // clean generated-api
        span.SetPlaylabOutcome(request.PlayerId.ToString()); // leak TC1001 generated-api
        span.Activity?.SetTag("playlab.session", request.SessionId); // clean precision-names
        span.Activity?.SetTag("playlab.response", request.ResponseId); // clean precision-names
        span.Activity?.AddEvent(new ActivityEvent("playlab.answer", tags: new ActivityTagsCollection { ["playlab.answer.text"] = request.Answer })); // leak TC1001 direct
        var response = await platform.FetchAsync(request.ResponseId, context.CancellationToken);
        if (response is null)
        {
            var error = new ParticipantNotFoundException(request.PlayerId.ToString());
            logger.LogWarning(error, "No response {ResponseId}", request.ResponseId); // leak TC1001 exceptions
            span.RecordException(error); // clean exceptions
            return "missing";
        }

        logger.LogInformation("Response {Response}", response); // leak TC1001 logging-objects
        logger.LogInformation("Response has {Answers} answers and {Length} characters", response.AnswerCount, response.FreeTextAnswer.Length); // clean precision-about
        var stats = await platform.StatsAsync(response.QuestionnaireCode, "w1", context.CancellationToken);
        logger.LogInformation("Stats {@Stats}", stats); // clean logging-objects
        var answers = string.Join(" | ", new[] { response.ResponseId, response.FreeTextAnswer });
        logger.LogDebug("Answers {Answers}", answers); // leak TC1001 strings
        var codes = string.Join(",", response.QuestionnaireCode, stats.Wave);
        logger.LogDebug("Codes {Codes}", codes); // clean strings
        StudyTelemetry.Meter.CreatePlaylabOperationsCounter().Add(1, "lab-2", "submitted"); // clean generated-api
        return response.ResponseId;
    }

    public void CloseSession(PlaytestSession session)
    {
        logger.LogInformation("Session closed {Session}", session); // clean logging-objects
        Activity.Current?.SetTag("playlab.session.testers", session.Testers); // clean precision-about
        Activity.Current?.SetTag("playlab.tester_count", session.Testers); // clean precision-names
        Activity.Current?.SetTag("playlab.player_survey_version", "pq-4"); // clean precision-names
        StudyTelemetry.Meter.CreatePlaylabOperationDurationHistogram().Record(session.Length.TotalSeconds, "lab-2"); // clean generated-api
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Information, Message = "Tester {Gamertag} joined build {Build}")]
    private static partial void LogJoined(ILogger logger, [PrivateData] string gamertag, string build);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Information, Message = "Tester {Email} joined build {Build}")]
    private static partial void LogJoinedEmail(ILogger logger, string email, string build);
}
