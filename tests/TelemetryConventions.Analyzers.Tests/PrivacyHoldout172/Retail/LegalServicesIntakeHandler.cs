namespace PrivacyHoldout172.Retail;

public sealed record IntakeRequest(string MemberNumber, string FullName, string Email, string Phone, string Service, string? DeceasedName);

/// <summary>
/// The retailer's legal services arm (wills, probate, conveyancing for members): takes a member's enquiry, runs the
/// conflict check, opens the client and the matter and writes the client care letter.
/// </summary>
public sealed partial class LegalServicesIntakeHandler(
    IConflictSearch conflicts,
    IClientStore clients,
    IClientMailer mailer,
    ILogger<LegalServicesIntakeHandler> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    LegalOptions options)
{
    private const string Firm = "Retailer Legal Services LLP";

    public async Task<string> HandleAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var member = pseudonymizer.PseudonymizeShoplegalClientId(request.MemberNumber);
        using var span = source.StartShoplegalOperation(Firm);
        span.SetShoplegalClientId(member); // clean generated-api
        span.SetShoplegalStep("intake"); // clean generated-api
        span.SetShoplegalNote($"{request.Service} enquiry"); // clean generated-api
        span.Activity?.SetTag(ShoplegalAttributes.Contact, request.Phone); // leak TC1001 generated-api
        span.Activity?.SetTag(ShoplegalAttributes.ClientId, request.MemberNumber); // leak TC1001 generated-api

        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Member"] = member, ["Service"] = request.Service }); // clean precision-pseudonym
        using var scope2 = logger.BeginScope(new Dictionary<string, object?> { ["MemberEmail"] = request.Email }); // leak TC1001 direct
        LogEnquiry(logger, request.Service, request.FullName); // leak TC1001 direct
        LogEnquiryPrivate(logger, request.Service, request.FullName, request.Email); // clean direct

        var parties = request.DeceasedName is null ? Array.Empty<string>() : new[] { request.DeceasedName };
        var matterId = $"{request.Service[..3].ToUpperInvariant()}-{Guid.NewGuid():N}";
        var hits = await conflicts.SearchAsync(new ConflictCheckRequest(Guid.NewGuid().ToString("N"), matterId, request.FullName, parties, "intake@legal.example"), cancellationToken);
        span.SetShoplegalItemCount(hits.Count); // clean generated-api
        if (request.DeceasedName is not null)
        {
            span.SetShoplegalNote("estate of " + request.DeceasedName); // leak TC1001 generated-api
        }

        await clients.SaveAsync(new Matter(matterId, request.MemberNumber, "FE-0042", request.Service, "open"), cancellationToken);
        await mailer.SendAsync(request.Email, options.EngagementTemplateId, cancellationToken);
        logger.LogInformation("Client care letter {TemplateId} sent for {MatterId}", options.EngagementTemplateId, matterId); // clean precision-names
        logger.LogInformation("Client care letter sent to {Email}", request.Email); // leak TC1001 direct

        span.SetShoplegalOutcome(hits.Count == 0 ? "cleared" : "conflict"); // clean generated-api
        meter.CreateShoplegalOperationsCounter().Add(1, Firm, hits.Count == 0 ? "cleared" : "conflict"); // clean generated-api
        meter.CreateShoplegalOperationsCounter().Add(1, Firm, member.Value); // leak TC1003 precision-pseudonym
        span.SetShoplegalClientId(Pseudonym.FromComputed(request.MemberNumber)); // leak TC1001 precision-pseudonym
        meter.CreateShoplegalOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Firm); // clean generated-api
        return matterId;
    }

    [LoggerMessage(EventId = 6601, Level = LogLevel.Information, Message = "{Service} enquiry from {FullName}")]
    private static partial void LogEnquiry(ILogger logger, string service, string fullName);

    [LoggerMessage(EventId = 6602, Level = LogLevel.Information, Message = "{Service} enquiry from {FullName} <{Email}>")]
    private static partial void LogEnquiryPrivate(ILogger logger, string service, [PrivateData] string fullName, [PrivateData] string email);
}
