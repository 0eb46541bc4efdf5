namespace PrivacyHoldout188.Gaming;

public sealed record OpenEapRequest(string EmployeeNumber, string CallerPhone, string PresentingIssue, string Studio);

public sealed record OpenEapReply(string CaseId, int SessionsOffered);

public sealed record PlanRequest(string EmployeeNumber, string ManagerNotes, int PhasedWeeks, string AdjustmentCode, string Studio);

public sealed record PlanReply(string PlanId);

/// <summary>A games studio's wellbeing service over gRPC: the assistance line after crunch, and phased returns.</summary>
public sealed partial class WellbeingGrpcService(
    IEapProvider eap,
    IHrRecords hr,
    Pseudonymizer pseudonymizer,
    ILogger<WellbeingGrpcService> logger,
    Meter meter,
    OccHealthOptions options)
{
    private static readonly ActivitySource Source = new("Studio.Wellbeing");
    private static readonly Counter<long> Cases = new Meter("Studio.Wellbeing").CreateCounter<long>("wellbeing.cases");

    private readonly Dictionary<string, string> _openCases = new();

    public async Task<OpenEapReply> OpenEap(OpenEapRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("wellbeing.eap.open");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("studio", request.Studio); // clean precision-names
        activity?.SetTag("eap.issue_length", request.PresentingIssue.Length); // clean precision-about
        activity?.SetTag("eap.staff", TagValueFor(request.EmployeeNumber)); // leak TC1001 cross-member

        var contact = new EapContact(Guid.NewGuid().ToString("N"), request.EmployeeNumber, request.CallerPhone, request.PresentingIssue, "unassigned", 6);
        logger.LogInformation("Opening EAP case {@Contact}", contact); // leak TC1001 logging-objects
        logger.LogInformation("Opening EAP case {@Contact}", contact with { CallerPhone = "", PresentingIssue = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Opening EAP case {@Case}", new { contact.CaseId, request.Studio, contact.SessionsOffered }); // clean logging-objects
        logger.LogInformation("Opening EAP case {@Case}", new { contact.CaseId, Staff = request.EmployeeNumber }); // leak TC1001 logging-objects

        try
        {
            var caseId = await eap.OpenCaseAsync(contact, context.CancellationToken);
            _openCases[caseId] = request.EmployeeNumber;
            await eap.SendTextAsync(request.CallerPhone, $"Your EAP reference is {caseId}", context.CancellationToken);
            activity?.SetTag("eap.case_id", caseId); // clean precision-names
            Cases.Add(1, new KeyValuePair<string, object?>("studio", request.Studio)); // clean precision-names
            Cases.Add(1, new KeyValuePair<string, object?>("staff", request.EmployeeNumber)); // leak TC1003 direct
            return new OpenEapReply(caseId, contact.SessionsOffered);
        }
        catch (ProviderUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            throw new RpcException("Unavailable", "EAP provider down, try again later");
        }
        catch (EapCallbackFailedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "callback failed"); // clean exceptions
            throw;
        }
    }

    public Task<int> CasesOpen(ServerCallContext context)
    {
        Activity.Current?.SetTag("eap.open_cases", _openCases.Count); // clean precision-about
        Activity.Current?.SetTag("eap.open_staff", string.Join(",", _openCases.Values)); // leak TC1001 cross-member
        Activity.Current?.SetTag("eap.open_case_ids", string.Join(",", _openCases.Keys)); // clean cross-member
        return Task.FromResult(_openCases.Count);
    }

    public async Task<PlanReply> AgreePlan(PlanRequest request, ServerCallContext context)
    {
        var employee = await hr.FindEmployeeAsync(request.EmployeeNumber, context.CancellationToken);
        if (employee is null)
        {
            var ex = new RpcException("NotFound", $"no developer {request.EmployeeNumber}");
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            throw ex;
        }

        var plan = new ReturnToWorkPlan(Guid.NewGuid().ToString("N"), employee.EmployeeNumber, request.ManagerNotes, request.PhasedWeeks, request.AdjustmentCode, request.Studio);
        await hr.SavePlanAsync(plan, context.CancellationToken);

        using var span = Source.StartStudiocareOperation(request.Studio); // clean generated-api
        span.SetStudiocareCaseType("rtw"); // clean generated-api
        span.SetStudiocareDays(request.PhasedWeeks * 7); // clean generated-api
        span.SetStudiocareClientId(pseudonymizer.PseudonymizeStudiocareClientId(employee.EmployeeNumber)); // clean generated-api
        span.SetStudiocareNote(request.ManagerNotes); // leak TC1001 generated-api
        span.SetStudiocareNote($"plan {plan.PlanId}: {plan.PhasedWeeks} weeks, adjustment {plan.AdjustmentCode}"); // clean generated-api
        meter.CreateStudiocareOperationsCounter().Add(1, studiocareSite: request.Studio, studiocareOutcome: plan.AdjustmentCode); // clean generated-api
        meter.CreateStudiocareOperationsCounter().Add(1, studiocareSite: request.Studio, studiocareOutcome: pseudonymizer.ComputeStudiocareClientId(employee.EmployeeNumber)); // leak TC1003 generated-api

        logger.LogInformation("Plan {PlanId} agreed for {Developer}", plan.PlanId, employee.FullName); // leak TC1001 direct
        logger.LogInformation("Plan {PlanId} agreed for {Developer}", plan.PlanId, pseudonymizer.ComputeStudiocareClientId(employee.EmployeeNumber)); // clean precision-pseudonym
        logger.LogInformation("Plan {Plan}", plan); // leak TC1001 logging-objects
        PlanAgreed(logger, plan.PlanId, plan.ManagerNotes); // clean logging-objects
        PlanNotes(logger, plan.PlanId, plan.ManagerNotes); // leak TC1001 logging-objects
        logger.LogInformation("Plan notes digest {Digest}", Convert.ToBase64String(HMACSHA256.HashData(options.ShardKey, Encoding.UTF8.GetBytes(plan.ManagerNotes)))); // clean hashes
        logger.LogInformation("Plan notes digest {Digest}", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(plan.ManagerNotes)))); // leak TC1002 hashes
        Baggage.SetBaggage("wellbeing.plan", plan.PlanId); // clean precision-names
        Baggage.SetBaggage("wellbeing.client", pseudonymizer.ComputeStudiocareClientId(employee.EmployeeNumber)); // clean precision-pseudonym
        return new PlanReply(plan.PlanId);
    }

    private static string TagValueFor(string employeeNumber) => employeeNumber.Trim().ToUpperInvariant();

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan {PlanId} agreed: {Notes}")]
    private static partial void PlanAgreed(ILogger logger, string planId, [PrivateData] string notes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Plan {PlanId} manager notes: {Notes}")]
    private static partial void PlanNotes(ILogger logger, string planId, string notes);
}
