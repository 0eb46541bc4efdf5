namespace PrivacyHoldout209.Gaming;

public sealed record EnrolPlayerRequest(Guid PlayerId, string Gamertag, string LegalName, int Age, string Hub, string ParentEmail, bool ParentConsented);

public sealed record EnrolPlayerReply(string SessionId, bool Enrolled);

public sealed record VetCoachRequest(string CoachId, string FamilyName, string DbsCertificateNumber);

public sealed record VetCoachReply(string Status, bool RenewalDue);

/// <summary>A games publisher's junior esports academy over gRPC: enrolling players with a parent's consent, vetting coaches.</summary>
public sealed partial class AcademyGrpcService(
    ISafeguardingRegister register,
    ICoachDirectory coaches,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<AcademyGrpcService> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout209.Gaming.Academy");
    private static readonly Meter Meter = new("PrivacyHoldout209.Gaming.Academy");
    private static readonly Counter<long> Enrolments = Meter.CreateCounter<long>("academy.enrolments");
    private static readonly Counter<long> CoachChecks = Meter.CreateCounter<long>("academy.coach_checks");

    private string? _lastFailedCertificate;
    private int _checksToday;

    public Task<EnrolPlayerReply> EnrolPlayer(EnrolPlayerRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("academy.enrol", ActivityKind.Server);
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("academy.hub", request.Hub); // clean precision-about
        activity?.SetTag("academy.player_age", request.Age); // clean precision-about
        activity?.SetTag("academy.player_id", request.PlayerId); // leak TC1001 direct
        activity?.SetTag("academy.gamertag", request.Gamertag); // leak TC1001 direct
        activity?.SetTag("academy.gamertag_length", request.Gamertag.Length); // clean precision-about
        activity?.SetTag("academy.player", pseudonymizer.ComputeAcademyMemberId(request.PlayerId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetBaggage("academy.player", request.PlayerId.ToString()); // leak TC1001 direct
        Activity.Current?.SetBaggage("academy.player.p", pseudonymizer.ComputeAcademyMemberId(request.PlayerId.ToString())); // clean precision-pseudonym

        using var span = Source.StartAcademyOperation(request.Hub);
        span.SetAcademyMemberId(pseudonymizer.PseudonymizeAcademyMemberId(request.PlayerId.ToString())); // clean precision-pseudonym
        span.SetAcademyKind("consent"); // clean generated-api
        span.SetAcademyNote($"enrolling {request.Gamertag}"); // leak TC1001 generated-api

        if (!request.ParentConsented)
        {
            var ex = new ConsentMissingException(request.LegalName, "academy");
            span.SetAcademyOutcome("missing"); // clean generated-api
            logger.LogWarning(ex, "Enrolment held for consent"); // leak TC1001 exceptions
            logger.LogAcademyOperationFailedEvent(request.Hub, "missing", pseudonymizer.PseudonymizeAcademyMemberId(request.PlayerId.ToString()), ex.GetType().Name); // clean generated-api
            throw new RpcException("FailedPrecondition", $"Parent consent missing for player {request.PlayerId}");
        }

        var player = new AcademyPlayer(request.PlayerId, request.Gamertag, request.LegalName, request.Age, request.Hub);
        logger.LogInformation("Enrolled {Player}", player); // leak TC1001 logging-objects
        logger.LogInformation("Enrolled player aged {Age} at {Hub}", player.Age, player.Hub); // clean logging-objects
        logger.LogInformation("Enrolled {@Player}", new { player.Hub, player.Age, ConsentBy = request.ParentEmail[(request.ParentEmail.IndexOf('@') + 1)..] }); // clean logging-objects
        logger.LogInformation("Consent from {ParentEmail}", request.ParentEmail); // leak TC1001 direct
        Enrolments.Add(1, new KeyValuePair<string, object?>("hub", request.Hub)); // clean precision-about
        Enrolments.Add(1, new KeyValuePair<string, object?>("gamertag", request.Gamertag)); // leak TC1003 direct
        Meter.CreateAcademyOperationsCounter().Add(1, request.Hub, "accepted"); // clean generated-api

        var playerGuid = new Guid(SHA256.HashData(request.PlayerId.ToByteArray()).AsSpan(0, 16));
        activity?.SetTag("academy.player_ref", playerGuid); // leak TC1002 hashes
        var lane = HMACSHA256.HashData(secrets.ShardKey, request.PlayerId.ToByteArray())[0] % 8;
        activity?.SetTag("academy.lane", lane); // clean hashes
        Enrolments.Add(0, new KeyValuePair<string, object?>("lane", lane)); // clean hashes

        return Task.FromResult(new EnrolPlayerReply(Guid.NewGuid().ToString("N"), true));
    }

    public async Task<VetCoachReply> VetCoach(VetCoachRequest request, ServerCallContext context)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartAcademyOperation("safeguarding");
        span.SetAcademyKind("check"); // clean generated-api
        span.Activity?.SetTag("coach.id", request.CoachId); // leak TC1001 direct
        span.Activity?.SetTag("coach.family_name", request.FamilyName); // leak TC1001 direct
        span.Activity?.SetTag("coach.dbs_certificate", request.DbsCertificateNumber); // leak TC1001 direct
        span.Activity?.SetTag("coach.dbs_certificate_length", request.DbsCertificateNumber.Length); // clean precision-about
        span.Activity?.SetTag("coach.pseudonym", pseudonymizer.Pseudonymize("coach", request.CoachId).Value); // clean precision-pseudonym
        CoachChecks.Add(1, new KeyValuePair<string, object?>("coach", pseudonymizer.Pseudonymize("coach", request.CoachId))); // leak TC1003 precision-pseudonym
        _checksToday++;

        try
        {
            var status = await register.VerifyAsync(request.DbsCertificateNumber, request.FamilyName, context.CancellationToken);
            span.SetAcademyOutcome(status.Status); // clean generated-api
            span.Activity?.SetTag("coach.check.days_to_expiry", status.DaysToExpiry); // clean precision-about
            span.Activity?.SetTag("coach.check.renewal_due", status.RenewalDue); // clean precision-about
            logger.LogInformation("Coach check {@Status}", status); // clean logging-objects
            var check = new CoachCheck(request.CoachId, request.FamilyName, request.DbsCertificateNumber, status.Status, DateOnly.FromDateTime(DateTime.UtcNow));
            logger.LogInformation("Coach check {@Check}", check); // leak TC1001 logging-objects
            LogCoachVetted(logger, request.CoachId, request.FamilyName); // clean logging-objects
            var profile = await coaches.FindAsync(request.CoachId, context.CancellationToken);
            if (profile is not null)
            {
                logger.LogInformation("Coach profile {Profile}", profile); // clean logging-objects
                logger.LogInformation("Coach profile {@Profile}", profile); // leak TC1001 logging-objects
                span.SetAcademyCount(profile.TeamsCoached); // clean generated-api
            }

            return new VetCoachReply(status.Status, status.RenewalDue);
        }
        catch (DbsCheckFailedException ex)
        {
            _lastFailedCertificate = request.DbsCertificateNumber;
            span.SetAcademyNote(ex.Message); // leak TC1001 exceptions
            span.Activity?.SetStatus(ActivityStatusCode.Error, "dbs check failed"); // clean exceptions
            span.Activity?.AddTag("exception.type", ex.GetType().Name); // clean exceptions
            throw new RpcException("FailedPrecondition", "coach could not be vetted");
        }
        finally
        {
            Meter.CreateAcademyOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "safeguarding"); // clean generated-api
        }
    }

    public void ReportChecks()
    {
        Activity.Current?.SetTag("academy.checks_today", _checksToday); // clean cross-member
        Activity.Current?.SetTag("academy.failed_any", _lastFailedCertificate is not null); // clean cross-member
        logger.LogWarning("Last failed certificate {Certificate}", _lastFailedCertificate); // leak TC1001 cross-member
    }

    [LoggerMessage(EventId = 9401, Level = LogLevel.Information, Message = "Coach {CoachId} vetted ({FamilyName})")]
    private static partial void LogCoachVetted(ILogger logger, [PrivateData] string coachId, [PrivateData] string familyName);
}
