namespace PrivacyHoldout200.Gaming;

/// <summary>A relocation case: a studio employee moving to a new studio city and buying a home there.</summary>
public sealed record RelocationCase(string CaseId, string EmployeeId, string EmployeeName, string Gamertag, string StudioCode, decimal RelocationAllowance, string CurrentPostcode);

/// <summary>A relocation budget line, with no person.</summary>
public sealed record RelocationBudget(string CaseId, string StudioCode, decimal Allowance, decimal SpentSoFar, int MonthsOpen);

/// <summary>A class the HR system returns for a broker referral; it has no ToString.</summary>
public sealed class BrokerReferral
{
    public required string ReferralId { get; init; }

    public required string EmployeeEmail { get; init; }

    public required string BrokerFirm { get; init; }
}

/// <summary>The studio's relocation and home-buying assistance, over gRPC for the HR portal.</summary>
public sealed partial class RelocationHomeBuyingGrpcService(
    ApplicationStore store,
    ConveyancingPortal conveyancing,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter,
    ILogger<RelocationHomeBuyingGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Studio.Relocation");
    private readonly Histogram<double> _allowance = meter.CreateHistogram<double>("relocation.allowance");
    private readonly Dictionary<string, string> _gamertagsByCase = new();
    private const string Site = "studio-leamington";

    public async Task<RelocationBudget> OpenCase(RelocationCase request, ServerCallContext context)
    {
        using var span = Source.StartRelohomeOperation(Site);
        var employee = pseudonymizer.PseudonymizeRelohomeApplicantId(request.EmployeeId);
        span.SetRelohomeApplicantId(employee); // clean generated-api
        span.SetRelohomeStage("application"); // clean generated-api
        span.SetRelohomeNote(request.EmployeeName); // leak TC1001 generated-api
        span.SetRelohomeApplicantId(Pseudonym.FromComputed(request.EmployeeId)); // leak TC1001 generated-api
        Activity.Current?.SetTag("relocation.case_id", request.CaseId); // clean precision-names
        Activity.Current?.SetTag("relocation.studio", request.StudioCode); // clean precision-names
        Activity.Current?.SetTag("relocation.employee_id", request.EmployeeId); // leak TC1001 direct
        Activity.Current?.SetTag("relocation.gamertag", request.Gamertag); // leak TC1001 direct
        Activity.Current?.SetTag("relocation.employee_pseudonym", employee.Value); // clean precision-pseudonym
        Activity.Current?.SetTag("relocation.player_count", 1); // clean precision-names
        Activity.Current?.SetTag("relocation.request_id", context.RequestHeaders.TryGetValue("x-request-id", out var rid) ? rid : null); // clean precision-names
        _gamertagsByCase[request.CaseId] = request.Gamertag;

        _allowance.Record((double)request.RelocationAllowance, new KeyValuePair<string, object?>("studio", request.StudioCode)); // clean precision-names
        _allowance.Record((double)request.RelocationAllowance, new KeyValuePair<string, object?>("employee", employee.Value)); // leak TC1003 precision-pseudonym
        meter.CreateRelohomeOperationsCounter().Add(1, Site, "opened"); // clean generated-api

        logger.LogInformation("Relocation case opened {@Case}", request); // leak TC1001 logging-objects
        logger.LogInformation("Relocation case opened {@Case}", request with { EmployeeName = "[redacted]", Gamertag = "[redacted]", EmployeeId = "[redacted]", CurrentPostcode = "[redacted]" }); // clean logging-objects
        logger.LogInformation("Relocation case opened {@Case}", request with { CurrentPostcode = request.CurrentPostcode[..3] }); // leak TC1001 logging-objects
        var budget = new RelocationBudget(request.CaseId, request.StudioCode, request.RelocationAllowance, 0m, 0);
        logger.LogInformation("Budget {@Budget}", budget); // clean logging-objects

        var conveyancer = await conveyancing.FindForApplicationAsync(request.CaseId, context.CancellationToken);
        if (conveyancer is not null)
        {
            Activity.Current?.SetTag("conveyancing.firm", conveyancer.FirmName); // clean precision-about
            Activity.Current?.SetTag("conveyancing.open_matters", conveyancer.OpenMatters); // clean precision-about
            Activity.Current?.SetTag("conveyancing.solicitor", conveyancer.SolicitorName); // leak TC1001 direct
            logger.LogInformation("Conveyancer {Conveyancer}", conveyancer); // clean logging-objects
            logger.LogInformation("Conveyancer {@Conveyancer}", conveyancer); // leak TC1001 logging-objects
            LogSolicitorAssigned(logger, request.CaseId, conveyancer.SolicitorEmail); // clean logging-objects
        }

        return budget;
    }

    public Task<RelocationBudget> CloseCase(string caseId, ServerCallContext context)
    {
        using var activity = Source.StartActivity("relocation.close");
        if (!_gamertagsByCase.TryGetValue(caseId, out var gamertag))
        {
            var ex = new RpcException("NotFound", $"Relocation case {caseId} not found");
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Close failed"); // clean exceptions
            throw ex;
        }

        activity?.SetTag("relocation.closing_gamertag", gamertag); // leak TC1001 cross-member
        activity?.SetTag("relocation.open_cases", _gamertagsByCase.Count); // clean cross-member
        activity?.SetTag("relocation.gamertag_shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(gamertag))[0] % 8); // clean hashes
        activity?.SetTag("relocation.gamertag_hash", gamertag.GetHashCode()); // leak TC1002 hashes
        LogCaseClosed(logger, caseId, gamertag); // leak TC1001 logging-objects
        logger.LogInformation("Closed {CaseId} for {Gamertags}", caseId, string.Join(",", _gamertagsByCase.Values)); // leak TC1001 strings
        logger.LogInformation("Closed {CaseId}, {Count} still open", caseId, _gamertagsByCase.Count); // clean strings
        _gamertagsByCase.Remove(caseId);
        return Task.FromResult(new RelocationBudget(caseId, "LEA", 0m, 0m, 0));
    }

    public async Task<string> ReferToBroker(BrokerReferral referral, string applicationId, ServerCallContext context)
    {
        using var activity = Source.StartActivity("relocation.broker_referral");
        activity?.SetTag("broker.firm", referral.BrokerFirm); // clean precision-names
        activity?.SetTag("broker.referral_id", referral.ReferralId); // clean precision-names
        activity?.SetTag("broker.referral_email_template", "relocation-referral-v2"); // clean precision-names
        activity?.SetTag("broker.employee_email", referral.EmployeeEmail); // leak TC1001 direct
        logger.LogInformation("Referral {Referral} sent", referral); // clean logging-objects
        logger.LogInformation("Referral {@Referral} sent", new { referral.ReferralId, referral.BrokerFirm }); // clean logging-objects
        var application = await store.FindAsync(applicationId, context.CancellationToken);
        if (application is null)
        {
            var ex = new ApplicantNotFoundException(referral.EmployeeEmail);
            logger.LogRelohomeOperationFailedEvent(Site, "failed", relohomeNote: ex.Message); // leak TC1001 generated-api
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            return "not-found";
        }

        activity?.SetTag("mortgage.product", application.ProductCode); // clean precision-names
        activity?.SetTag("mortgage.term_years", application.TermYears); // clean precision-about
        activity?.SetTag("mortgage.applicant_id", application.ApplicantId); // leak TC1001 direct
        return application.ApplicationId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Solicitor {SolicitorEmail} assigned to {CaseId}")]
    private static partial void LogSolicitorAssigned(ILogger logger, string caseId, [PrivateData] string solicitorEmail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} closed for {Gamertag}")]
    private static partial void LogCaseClosed(ILogger logger, string caseId, string gamertag);
}
