namespace PrivacyHoldout173.Energy;

/// <summary>Handles "we just got married" name changes on energy accounts, sent from the app's life events page.</summary>
public sealed class SurnameChangeHandler(
    ILogger<SurnameChangeHandler> logger,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Supplier.Accounts.LifeEvents");
    private static readonly Meter Meter = new("Supplier.Accounts.LifeEvents");

    private SurnameChange? _lastRejected;

    public Task HandleAsync(SurnameChange change, string region, bool accountExists)
    {
        using var span = Source.StartEventpowerOperation(region);
        span.SetEventpowerEventType("surname_change"); // clean generated-api
        using var scope = logger.BeginScope("Surname change for account {Account}", change.AccountNumber); // leak TC1001 direct
        var operations = Meter.CreateEventpowerOperationsCounter();
        try
        {
            if (!accountExists)
            {
                throw new AccountNotFoundException(change.AccountNumber);
            }

            logger.LogInformation("Surname changes from {Old} to {New}", change.OldSurname, change.NewSurname); // leak TC1001 direct
            logger.LogInformation("Surname change of {Length} characters accepted", change.NewSurname.Length); // clean precision-about
            span.SetEventpowerCoupleId(pseudonymizer.PseudonymizeEventpowerCoupleId(change.AccountNumber)); // clean generated-api
            Activity.Current?.SetTag("meter.serial", change.MeterSerial); // leak TC1001 direct
            Activity.Current?.SetTag("meter.serial.present", !string.IsNullOrEmpty(change.MeterSerial)); // clean precision-about
            operations.Add(1, region, "accepted"); // clean generated-api
        }
        catch (AccountNotFoundException ex)
        {
            _lastRejected = change;
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            operations.Add(1, region, ex.Message); // leak TC1003 exceptions
            logger.LogEventpowerOperationFailedEvent(region, "not_found", eventpowerNote: ex.GetType().Name); // clean exceptions
        }
        return Task.CompletedTask;
    }

    public void Audit()
    {
        Activity.Current?.AddEvent(new ActivityEvent("surname.rejected", tags: new ActivityTagsCollection { ["new_surname"] = _lastRejected?.NewSurname })); // leak TC1001 cross-member
        logger.LogInformation("Last rejected change: {Change}", _lastRejected); // leak TC1001 cross-member
        logger.LogInformation("A change was rejected: {Rejected}", _lastRejected is not null); // clean cross-member
    }
}
