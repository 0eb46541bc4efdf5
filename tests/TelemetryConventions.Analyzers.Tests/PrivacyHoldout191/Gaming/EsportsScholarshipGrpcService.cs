namespace PrivacyHoldout191.Gaming;

public sealed record ScholarshipApplyRequest(string PlayerId, string Gamertag, string StudentNumber, string GuardianEmail, string Title, string Academy, int RankPercentile, string PersonalStatement);

public sealed record ScholarshipApplyReply(string ApplicationId, string Outcome);

public sealed record StipendRequest(string ApplicationId, string PlayerId, int Instalment, decimal Amount);

/// <summary>A publisher's esports and game design scholarships, over gRPC.</summary>
public sealed partial class EsportsScholarshipGrpcService(
    IFundingStore store,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<EsportsScholarshipGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Publisher.Scholarships");
    private readonly Counter<long> _applications = meter.CreateCounter<long>("esports.scholarship.applications");
    private readonly UpDownCounter<long> _openStipends = meter.CreateUpDownCounter<long>("esports.scholarship.stipends.open");

    public async Task<ScholarshipApplyReply> Apply(ScholarshipApplyRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("scholarship.apply", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("game.title", request.Title); // clean precision-names
        activity?.SetTag("game.academy", request.Academy); // clean precision-names
        activity?.SetTag("game.player.id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("game.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("game.gamertag.length", request.Gamertag.Length); // clean precision-about
        activity?.SetTag("game.rank_percentile", request.RankPercentile); // clean precision-about
        activity?.SetTag("game.guardian.email", request.GuardianEmail); // leak TC1001 direct
        activity?.SetTag("game.guardian.email_domain", request.GuardianEmail[(request.GuardianEmail.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag("game.statement", request.PersonalStatement); // leak TC1001 direct
        activity?.SetTag("game.statement.length", request.PersonalStatement.Length); // clean precision-about
        activity?.SetTag("game.player.pseudonym", pseudonymizer.ComputeQuestawardStudentId(request.PlayerId)); // clean precision-pseudonym
        _applications.Add(1, new KeyValuePair<string, object?>("title", request.Title)); // clean precision-names
        _applications.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
        _applications.Add(1, new KeyValuePair<string, object?>("player", pseudonymizer.ComputeQuestawardStudentId(request.PlayerId))); // leak TC1003 precision-pseudonym

        using var op = Source.StartQuestawardOperation(request.Academy);
        op.SetQuestawardStudentId(pseudonymizer.PseudonymizeQuestawardStudentId(request.PlayerId)); // clean generated-api
        op.SetQuestawardScheme("esports-scholarship"); // clean generated-api
        op.SetQuestawardNote($"rank {request.RankPercentile} in {request.Title}"); // clean generated-api
        op.SetQuestawardNote($"applicant {request.Gamertag}"); // leak TC1001 generated-api

        logger.LogInformation("Scholarship application from {Gamertag}", request.Gamertag); // leak TC1001 direct
        logger.LogInformation("Scholarship application {Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Scholarship application {Shape}", new { request.Title, request.Academy, request.RankPercentile }); // clean logging-objects
        logger.LogInformation("Scholarship application for player {Player}", pseudonymizer.ComputeQuestawardStudentId(request.PlayerId)); // clean precision-pseudonym
        LogApplied(logger, request.Gamertag, request.Title); // clean logging-objects

        var student = await store.FindStudentAsync(request.StudentNumber, context.CancellationToken);
        if (student is null)
        {
            var notFound = new StudentNotFoundException(request.StudentNumber);
            activity?.SetStatus(ActivityStatusCode.Error, notFound.Message); // leak TC1001 exceptions
            op.RecordException(notFound); // clean generated-api
            throw new RpcException("NotFound", $"No student record for player {request.PlayerId}");
        }

        activity?.SetTag("game.student.age_band", AgeBand(student.DateOfBirth)); // clean precision-about
        activity?.SetTag("game.student.dob", student.DateOfBirth.ToString("O", CultureInfo.InvariantCulture)); // leak TC1001 direct
        var applicationId = NewApplicationId(request);
        activity?.SetTag("game.application.id", applicationId); // clean cross-member
        activity?.SetTag("game.dedupe", DedupeKey(request)); // leak TC1001 cross-member
        return new ScholarshipApplyReply(applicationId, "received");
    }

    public Task<ScholarshipApplyReply> PayStipend(StipendRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("scholarship.stipend", ActivityKind.Server);
        _openStipends.Add(1, new KeyValuePair<string, object?>("instalment", request.Instalment)); // clean precision-about
        activity?.SetTag("game.stipend.amount", request.Amount); // clean precision-about
        activity?.SetTag("game.application.id", request.ApplicationId); // clean precision-names
        var md5 = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(request.PlayerId)));
        activity?.SetTag("game.player.md5", md5); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var keyed = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(request.PlayerId)));
        activity?.SetTag("game.player.keyed", keyed); // clean hashes
        try
        {
            if (request.Amount <= 0)
            {
                throw new RpcException("InvalidArgument", $"Stipend for {request.PlayerId} must be positive");
            }

            if (request.Instalment > 12)
            {
                throw new RpcException("OutOfRange", $"Instalment {request.Instalment} is beyond the schedule");
            }
        }
        catch (RpcException ex) when (ex.Status == "InvalidArgument")
        {
            activity?.AddEvent(new ActivityEvent("rpc.error", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            logger.LogQuestawardOperationFailedEvent("stipends", "invalid"); // clean generated-api
            meter.CreateQuestawardOperationsCounter().Add(1, "stipends", "invalid"); // clean generated-api
        }
        catch (RpcException ex)
        {
            activity?.AddEvent(new ActivityEvent("rpc.error", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // clean exceptions
            activity?.SetTag("rpc.status", ex.Status); // clean exceptions
        }

        meter.CreateQuestawardOperationDurationHistogram().Record(0.2, request.PlayerId); // leak TC1003 generated-api
        return Task.FromResult(new ScholarshipApplyReply(request.ApplicationId, "paid"));
    }

    private static string AgeBand(DateOnly dateOfBirth) => (DateTime.UtcNow.Year - dateOfBirth.Year) switch
    {
        < 18 => "under-18",
        < 25 => "18-24",
        _ => "25-plus",
    };

    private static string NewApplicationId(ScholarshipApplyRequest request) => $"ESA-{request.Academy}-{Guid.NewGuid():N}";

    private static string DedupeKey(ScholarshipApplyRequest request) => $"{request.Title}:{request.PlayerId}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Scholarship applied by {Gamertag} for {Title}")]
    private static partial void LogApplied(ILogger logger, [PrivateData] string gamertag, string title);
}
