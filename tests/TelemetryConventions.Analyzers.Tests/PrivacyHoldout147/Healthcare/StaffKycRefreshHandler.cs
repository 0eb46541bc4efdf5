namespace PrivacyHoldout147.Healthcare;

/// <summary>A KYC refresh is due for a customer who banks their NHS salary with us.</summary>
public sealed record KycRefreshDue(string CaseId, string CustomerNumber, string TrustCode);

/// <summary>Runs the KYC refresh: asks the identity provider for a fresh document check and records vulnerability flags found on the way.</summary>
public sealed class StaffKycRefreshHandler(
    ICustomerDirectory customers,
    IIdentityProvider identity,
    ICustomerNotifier notifier,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    BankOptions options,
    ILogger<StaffKycRefreshHandler> logger)
{
    private static readonly Meter KycMeter = new("Bank.Kyc");
    private static readonly Counter<int> Refreshes = KycMeter.CreateCounter<int>("kyc.refreshes");
    private static readonly Counter<int> Flags = KycMeter.CreateCounter<int>("kyc.vulnerability.flags");

    public async Task HandleAsync(KycRefreshDue due, KycRefresh refresh, CancellationToken cancellationToken)
    {
        using var span = source.StartPayadvanceOperation(due.TrustCode);
        span.SetPayadvanceProduct("kyc-refresh"); // clean generated-api
        span.SetPayadvanceNote($"refresh {due.CaseId}, document {refresh.DocumentType}, due {refresh.DueOn:yyyy-MM-dd}"); // clean generated-api
        span.SetPayadvanceNote($"refresh for {due.CustomerNumber} with {refresh.DocumentNumber}"); // leak TC1001 generated-api
        Activity.Current?.SetTag("kyc.document_type", refresh.DocumentType); // clean precision-about
        Activity.Current?.SetTag("kyc.document_number", refresh.DocumentNumber); // leak TC1001 direct
        Activity.Current?.SetTag("kyc.document_number.length", refresh.DocumentNumber.Length); // clean precision-about
        logger.LogInformation("KYC refresh {@Refresh}", refresh); // leak TC1001 logging-objects
        logger.LogInformation("KYC refresh {CaseId} in state {State}", refresh.CaseId, refresh.State); // clean logging-objects

        var customer = await customers.FindAsync(due.CustomerNumber, cancellationToken);
        if (customer is null)
        {
            var missing = new CustomerNotFoundException(due.CustomerNumber);
            logger.LogError(missing, "KYC refresh {CaseId} has no customer", due.CaseId); // leak TC1001 exceptions
            span.RecordException(missing); // clean exceptions
            return;
        }

        logger.LogInformation("Refreshing {Customer}", Describe(customer)); // leak TC1001 strings
        logger.LogInformation("Refreshing a customer in {Area}", PostcodeArea(customer.Postcode)); // clean strings
        var overdueDays = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - refresh.DueOn.DayNumber;
        if (overdueDays > 0)
        {
            var overdue = new KycOverdueException(customer.CustomerNumber, overdueDays);
            Activity.Current?.SetTag("exception.message", overdue.Message); // leak TC1001 exceptions
            Activity.Current?.SetTag("kyc.days_overdue", overdue.DaysOverdue); // clean exceptions
            logger.LogPayadvanceOperationFailedEvent(due.TrustCode, "kyc-overdue", payadvanceNote: $"case {due.CaseId} overdue by {overdueDays} days"); // clean generated-api
        }

        try
        {
            var result = await identity.CheckAsync(customer.CustomerNumber, refresh.DocumentNumber, cancellationToken);
            logger.LogInformation("Identity check {@Result}", result); // clean logging-objects
            Refreshes.Add(1, new KeyValuePair<string, object?>("verdict", result.Verdict), new KeyValuePair<string, object?>("trust", due.TrustCode)); // clean direct
        }
        catch (IdentityProviderUnavailableException ex)
        {
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
        }

        foreach (var flag in await customers.FlagsAsync(customer.CustomerNumber, cancellationToken))
        {
            Flags.Add(1, new KeyValuePair<string, object?>("category", flag.Category)); // clean precision-about
            logger.LogInformation("Vulnerability flag {Category} recorded by colleague {Colleague}", flag.Category, flag.RecordedBy); // leak TC1001 direct
            logger.LogDebug("Flag note: {Note}", flag.Note); // leak TC1001 direct
            logger.LogDebug("Flag note length {Length}, review on {ReviewOn}", flag.Note.Length, flag.ReviewOn); // clean precision-about
            Activity.Current?.AddEvent(new ActivityEvent("kyc.flag", tags: new ActivityTagsCollection { ["colleague"] = pseudonymizer.ComputePayadvanceAgentId(flag.RecordedBy), ["category"] = flag.Category })); // clean precision-pseudonym
            Flags.Add(1, new KeyValuePair<string, object?>("colleague", flag.RecordedBy)); // leak TC1003 direct
        }

        var dedupe = BitConverter.ToString(MD5.HashData(Encoding.UTF8.GetBytes(customer.Email)), 0, 6);
        logger.LogInformation("Reminder dedupe key {Key}", dedupe); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.PseudonymKey);
        var reminderBucket = hmac.ComputeHash(Encoding.UTF8.GetBytes(customer.CustomerNumber))[0] % 8;
        Activity.Current?.SetTag("kyc.reminder_bucket", reminderBucket); // clean hashes
        await notifier.NotifyAsync(customer.CustomerNumber, options.WelcomeTemplateId, new Dictionary<string, string> { ["firstName"] = customer.FirstName }, cancellationToken);
        Activity.Current?.SetTag("kyc.reminder_template_id", options.WelcomeTemplateId); // clean precision-names
    }

    private static string Describe(BankCustomer customer) => $"{customer.FirstName} {customer.LastName} <{customer.Email}>";

    private static string PostcodeArea(string postcode) => new(postcode.TakeWhile(char.IsLetter).ToArray());
}
