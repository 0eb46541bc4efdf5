namespace PrivacyHoldout174.Energy;

/// <summary>Books a meter engineer's visit to a PSR customer's home; the engineer needs the key safe code or the doorstep password.</summary>
public sealed partial class EngineerVisitHandler(ILogger<EngineerVisitHandler> logger, IClientStore clients, Pseudonymizer pseudonymizer, HomeCareOptions options)
{
    private static readonly ActivitySource Source = new("Supplier.EngineerVisits");

    public async Task HandleAsync(EngineerVisit visit, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("engineer.visit.book");
        activity?.SetTag("job.id", visit.JobId); // clean precision-about
        activity?.SetTag("engineer.id", visit.EngineerId); // leak TC1001 direct
        activity?.SetTag("engineer.pseudonym", pseudonymizer.PseudonymizePsrvisitsCarerId(visit.EngineerId).Value); // clean precision-pseudonym
        activity?.SetTag("access.has_key_safe", visit.KeySafeCode is not null); // clean precision-about
        activity?.SetTag("access.key_safe_code", visit.KeySafeCode); // leak TC1001 direct
        activity?.SetTag("access.password_length", visit.DoorstepPassword?.Length ?? 0); // clean precision-about

        AccessArranged(logger, visit.JobId, visit.DoorstepPassword ?? "-"); // leak TC1001 precision-names
        AccessArrangedRedacted(logger, visit.JobId, visit.DoorstepPassword ?? "-"); // clean precision-names
        logger.LogInformation("Key safe codes rotate every {Days} days", options.KeySafeRotationDays); // clean precision-names

        var instructions = $"Job {visit.JobId}: key safe {visit.KeySafeCode}";
        logger.LogDebug("Instructions: {Instructions}", instructions); // leak TC1001 strings

        try
        {
            var client = await clients.FindAsync(visit.AccountNumber, cancellationToken) ?? throw new AccountNotFoundException(visit.AccountNumber);
            logger.LogInformation("Visit for a client born in {Year}", client.DateOfBirth.Year); // clean precision-about
        }
        catch (AccountNotFoundException ex)
        {
            logger.LogWarning(ex, "Engineer visit {JobId} could not find the account", visit.JobId); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} access by doorstep password {Password}")]
    private static partial void AccessArranged(ILogger logger, string jobId, string password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} access by doorstep password {Password}")]
    private static partial void AccessArrangedRedacted(ILogger logger, string jobId, [PrivateData] string password);

    public void ReportAttended(EngineerVisit visit, PsrRegistration registration, TimeSpan onSite)
    {
        var activity = Activity.Current;
        activity?.SetTag("job.on_site_minutes", (int)onSite.TotalMinutes); // clean precision-about
        activity?.SetTag("job.need_code", registration.NeedCode); // clean precision-about
        activity?.SetTag("job.customer_name", registration.CustomerName); // leak TC1001 direct
        activity?.SetTag("job.customer_initial", registration.CustomerName[..1]); // clean precision-about
        var summary = string.Concat("Attended ", visit.JobId, " for ", registration.AccountNumber);
        logger.LogInformation(summary); // leak TC1001 strings
        logger.LogInformation(string.Concat("Attended ", visit.JobId, " in ", onSite.TotalMinutes.ToString("F0", CultureInfo.InvariantCulture), " minutes")); // clean strings
        activity?.SetTag("job.account_prefix", registration.AccountNumber.Length > 2 ? registration.AccountNumber[..2] : "00"); // clean precision-about
        logger.LogInformation("Engineer {Engineer} attended", pseudonymizer.PseudonymizePsrvisitsCarerId(visit.EngineerId)); // clean precision-pseudonym
        logger.LogInformation("PSR customer {@Registration} attended", registration); // leak TC1001 logging-objects
    }
}
