namespace PrivacyHoldout137.Energy;

public sealed record PsrSignUpForm(string AccountNumber, string Mpan, IReadOnlyList<int> NeedsCodes, string? NomineeName, string? NomineePhone, string? DoorstepPassword, MedicalDependency? Medical, string AgentStaffId);

/// <summary>
/// Signs customers up to the Priority Services Register from the contact centre, shares the needs codes with
/// the network operator, and puts customers in arrears who are on the register onto a payment plan
/// instead of a prepayment warrant.
/// </summary>
public sealed partial class PriorityServicesRegisterService(
    IPsrRegister register,
    ICollectionsClient collections,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<PriorityServicesRegisterService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Care.Psr");
    private static readonly Meter Meter = new("Supplier.Care.Psr");
    private static readonly UtilcareCasesCounter Cases = Meter.CreateUtilcareCasesCounter();
    private static readonly Counter<long> NeedsRegistered = Meter.CreateCounter<long>("psr.needs.registered");

    private string? _lastRejectedMpan;

    public async Task SignUpAsync(PsrSignUpForm form, CancellationToken ct)
    {
        using var span = Source.StartUtilcareAssess("psr")
            .SetUtilcareAccountId(pseudonymizer.PseudonymizeUtilcareAccountId(form.AccountNumber)) // clean precision-pseudonym
            .SetUtilcareNeeds(form.NeedsCodes.Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray()); // clean precision-about

        span.Activity?.SetTag("psr.has_nominee", form.NomineeName is not null); // clean precision-about
        span.Activity?.SetTag("psr.password_length", form.DoorstepPassword?.Length ?? 0); // clean precision-about
        span.Activity?.SetTag("psr.nominee_phone_prefix", form.NomineePhone?[..3]); // clean precision-about
        span.Activity?.SetTag("psr.agent", form.AgentStaffId); // leak TC1001 direct
        span.Activity?.SetTag(UtilcareAttributes.Contact, form.NomineePhone); // leak TC1001 generated-api
        span.Activity?.SetTag("psr.equipment", form.Medical?.EquipmentKind);

        foreach (var code in form.NeedsCodes)
        {
            NeedsRegistered.Add(1, new KeyValuePair<string, object?>("needs_code", code)); // clean precision-names
        }

        var registration = new PsrRegistration(form.AccountNumber, form.NeedsCodes, form.NomineeName, form.NomineePhone, form.DoorstepPassword, DateOnly.FromDateTime(DateTime.UtcNow.AddYears(2)));
        await register.SaveAsync(registration, ct);
        logger.LogInformation("PSR registration saved {Registration}", registration); // leak TC1001 logging-objects
        logger.LogInformation("PSR registration saved {Masked}", registration with { NomineePhone = null, DoorstepPassword = "***" }); // leak TC1001 logging-objects
        logger.LogInformation("Medical dependency {@Medical}", form.Medical); // clean logging-objects
        LogPassword(logger, form.AccountNumber, form.DoorstepPassword ?? string.Empty); // clean generated-api
        LogNominee(logger, form.NomineeName ?? "none"); // leak TC1001 direct

        try
        {
            await register.ShareWithNetworkAsync(form.Mpan, form.NeedsCodes, ct);
            Cases.Add(1, "psr", "registered"); // clean generated-api
        }
        catch (PsrFlowRejectedException ex)
        {
            _lastRejectedMpan = ex.Mpan;
            span.SetUtilcareOutcome("declined").RecordException(ex); // clean exceptions
            span.SetUtilcareNote($"Flow {ex.FlowCode} rejected"); // clean exceptions
            span.Activity?.AddEvent(new ActivityEvent("psr.flow.rejected", tags: new ActivityTagsCollection { ["exception.message"] = ex.Message })); // leak TC1001 exceptions
            Cases.Add(1, "psr", ex.FlowCode); // clean exceptions
        }
    }

    public async Task<PaymentPlan> OfferPlanAsync(string accountNumber, decimal weeklySurplus, CancellationToken ct)
    {
        using var span = Source.StartUtilcareAssess("plan");
        var arrears = await collections.ArrearsAsync(accountNumber, ct);
        span.SetUtilcareArrearsBand(arrears.Band);
        span.Activity?.SetTag("arrears.days", arrears.DaysInArrears); // clean precision-about
        span.Activity?.SetTag("arrears.account_lane", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(accountNumber))) % 8); // clean hashes
        span.Activity?.SetTag("arrears.account_key", Convert.ToBase64String(SHA1.HashData(Encoding.UTF8.GetBytes(accountNumber)))); // leak TC1002 hashes

        try
        {
            var plan = await collections.CreatePlanAsync(accountNumber, Math.Max(weeklySurplus, 3.70m), "weekly", ct);
            span.SetUtilcarePlanId(plan.PlanId).SetUtilcareOutcome("agreed"); // clean precision-names
            logger.LogInformation("Plan {PlanId}: {Instalment} {Frequency} against {Arrears}", plan.PlanId, plan.InstalmentAmount, plan.Frequency, plan.Arrears);
            Cases.Add(1, "plan", "agreed"); // clean generated-api
            return plan;
        }
        catch (InstalmentTooLowException ex)
        {
            logger.LogWarning(ex, "Instalment below minimum"); // clean exceptions
            Cases.Add(1, "plan", $"declined:{accountNumber}"); // leak TC1003 strings
            throw;
        }
    }

    public void ReportRejections() =>
        logger.LogWarning("Last MPAN the network rejected: {Mpan}", _lastRejectedMpan); // leak TC1001 cross-member

    [LoggerMessage(Level = LogLevel.Debug, Message = "Doorstep password set for {AccountNumber}: {Password}")]
    private static partial void LogPassword(ILogger logger, [PrivateData] string accountNumber, [PrivateData] string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nominee recorded: {NomineeName}")]
    private static partial void LogNominee(ILogger logger, string nomineeName);
}
