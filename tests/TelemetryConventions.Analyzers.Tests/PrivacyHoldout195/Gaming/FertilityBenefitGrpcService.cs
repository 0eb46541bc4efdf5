namespace PrivacyHoldout195.Gaming;

/// <summary>A games publisher's fertility benefit for its employees, served over gRPC to the HR portal.</summary>
public sealed class FertilityBenefitGrpcService(
    IBenefitLedger ledger,
    IFundingPortal funding,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<FertilityBenefitGrpcService> logger)
{
    private readonly Counter<long> _claims = meter.CreateCounter<long>("benefits.fertility.claims");
    private readonly Histogram<double> _amounts = meter.CreateHistogram<double>("benefits.fertility.amount");

    private static string EmployeeKey(FertilityBenefitClaim claim) => claim.EmployeeId;

    private string EmployeeAlias(FertilityBenefitClaim claim) => pseudonymizer.Compute(IdentifierSpaces.Staff, claim.EmployeeId);

    public async Task<BenefitClaimReply> SubmitClaim(FertilityBenefitClaim claim, ServerCallContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("rpc.method", context.Method); // clean precision-about
        activity?.SetTag("net.peer.address", context.Peer); // leak TC1001 direct
        activity?.SetTag("benefit.claim.id", claim.ClaimId); // clean precision-names
        activity?.SetTag("benefit.claim.amount", (double)claim.Amount); // clean precision-about
        activity?.SetTag("benefit.treatment.type", claim.TreatmentType); // clean precision-about
        activity?.SetTag("benefit.clinic.name", claim.ClinicName); // clean precision-about
        activity?.SetTag("benefit.employee.id", EmployeeKey(claim)); // leak TC1001 cross-member
        activity?.SetTag("benefit.employee.alias", EmployeeAlias(claim)); // clean cross-member
        activity?.SetTag("benefit.employee.name", claim.EmployeeName); // leak TC1001 direct
        activity?.SetTag("benefit.employee.work_email", claim.WorkEmail); // leak TC1001 direct
        activity?.SetTag("benefit.employee_handbook.version", "2025.2"); // clean precision-names
        if (context.RequestHeaders.TryGetValue("x-employee-id", out var headerEmployee))
        {
            Baggage.SetBaggage("employee.id", headerEmployee); // leak TC1001 direct
        }

        using var span = source.StartQuestcareOperation("hr-portal");
        span.SetQuestcarePatientId(pseudonymizer.PseudonymizeQuestcarePatientId(claim.EmployeeId)); // clean generated-api
        span.SetQuestcareKind("self-funded"); // clean generated-api
        span.SetQuestcareNote(claim.TreatmentType + " at " + claim.ClinicName); // clean generated-api
        span.SetQuestcareNote($"claim by {claim.EmployeeName} for {claim.Amount:C}"); // leak TC1001 generated-api
        meter.CreateQuestcareOperationsCounter().Add(1, "hr-portal", claim.TreatmentType); // clean generated-api
        meter.CreateQuestcareOperationsCounter().Add(1, "hr-portal", claim.WorkEmail); // leak TC1003 generated-api

        _claims.Add(1, new KeyValuePair<string, object?>("treatment", claim.TreatmentType)); // clean precision-about
        _claims.Add(1, new KeyValuePair<string, object?>("employee", EmployeeAlias(claim))); // leak TC1003 precision-pseudonym
        _amounts.Record((double)claim.Amount, new KeyValuePair<string, object?>("employee.id", claim.EmployeeId)); // leak TC1003 direct

        logger.LogInformation("Claim {ClaimId} for {Amount} by {Employee}", claim.ClaimId, claim.Amount, EmployeeAlias(claim)); // clean precision-pseudonym
        logger.LogInformation("Claim submitted {@Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Claim submitted {@Claim}", new { claim.ClaimId, claim.TreatmentType, claim.Amount }); // clean logging-objects
        BenefitLog.ClaimReceived(logger, claim.ClaimId, claim.EmployeeId); // clean logging-objects
        BenefitLog.ClaimOwner(logger, claim.ClaimId, claim.EmployeeName); // leak TC1001 logging-objects

        var dedupe = claim.EmployeeId.GetHashCode() ^ claim.ClaimId.GetHashCode();
        logger.LogDebug("Claim dedupe key {Dedupe}", dedupe); // leak TC1002 hashes
        var keyedDedupe = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(claim.EmployeeId + claim.ClaimId)));
        logger.LogDebug("Claim dedupe key {Dedupe}", keyedDedupe); // clean hashes

        try
        {
            var reply = await ledger.SubmitAsync(claim, context.CancellationToken);
            logger.LogInformation("Claim reply {@Reply}", reply); // clean logging-objects
            activity?.SetTag("benefit.claim.status", reply.Status); // clean precision-about
            return reply;
        }
        catch (RpcException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Status); // clean exceptions
            logger.LogWarning("Ledger refused claim {ClaimId}: {Status}", claim.ClaimId, ex.Status); // clean exceptions
            throw new RpcException("UNAVAILABLE", $"ledger refused claim for employee {claim.EmployeeId}");
        }
    }

    public async Task<FundingApplication> CheckEligibility(string nhsNumber, string icbCode, ServerCallContext context)
    {
        var activity = Activity.Current;
        activity?.SetTag("funding.icb", icbCode); // clean precision-about
        var normalised = nhsNumber.Replace(" ", string.Empty);
        activity?.SetTag("funding.nhs_number", normalised); // leak TC1001 direct
        activity?.SetTag("funding.nhs_number.valid", nhsNumber.Length == 10); // clean precision-about
        try
        {
            var application = await funding.AssessAsync(nhsNumber, icbCode, context.CancellationToken);
            activity?.SetTag("funding.eligible", application.Eligible); // clean precision-about
            activity?.SetTag("funding.patient_age", application.PatientAge); // clean precision-about
            activity?.SetTag("funding.decision_reason", application.DecisionReason); // clean precision-about
            logger.LogInformation("Funding decision {Application}", application); // leak TC1001 logging-objects
            logger.LogInformation("Funding decision {ApplicationId}: {Eligible}", application.ApplicationId, application.Eligible); // clean precision-names
            return application;
        }
        catch (FundingDeclinedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning(ex, "Funding declined"); // leak TC1001 exceptions
            throw new RpcException("FAILED_PRECONDITION", ex.GetType().Name);
        }
        catch (ClinicSystemUnavailableException ex)
        {
            logger.LogError("Funding portal error {Error}", ex.Message); // clean exceptions
            throw;
        }
    }
}

internal static partial class BenefitLog
{
    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Claim {ClaimId} received from {EmployeeId}")]
    public static partial void ClaimReceived(ILogger logger, string claimId, [PrivateData] string employeeId);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Claim {ClaimId} belongs to {EmployeeName}")]
    public static partial void ClaimOwner(ILogger logger, string claimId, string employeeName);
}
