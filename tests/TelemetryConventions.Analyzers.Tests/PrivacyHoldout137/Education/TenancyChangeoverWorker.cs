namespace PrivacyHoldout137.Education;

/// <summary>A tenancy in a university-managed house changing hands at the end of the academic year.</summary>
public sealed record TenancyChangeover(
    string PropertyCode,
    string Mpan,
    string OutgoingStudentNumber,
    string OutgoingAccountNumber,
    string? IncomingStudentNumber,
    string IncomingEmail,
    string IncomingFullName,
    string ForwardingPostcode,
    decimal ClosingRead,
    DateOnly HandoverDate);

public interface IChangeoverFeed
{
    IAsyncEnumerable<TenancyChangeover> DueAsync(DateOnly day, CancellationToken cancellationToken);
}

/// <summary>
/// Closes the outgoing students' energy accounts on the closing read and opens the incoming students'
/// accounts with the supplier, the night before each handover.
/// </summary>
public sealed class TenancyChangeoverWorker(
    IChangeoverFeed feed,
    IAccountStore accounts,
    Pseudonymizer pseudonymizer,
    ILogger<TenancyChangeoverWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("University.Accommodation.Changeovers");
    private static readonly Meter Meter = new("University.Accommodation.Changeovers");

    private readonly List<string> _failedAccounts = new();
    private int _processed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        var moves = Meter.CreateHomemoveMovesCounter();

        await foreach (var change in feed.DueAsync(day, stoppingToken))
        {
            using var span = Source.StartHomemoveProcess("move-out")
                .SetHomemoveAccountId(pseudonymizer.PseudonymizeHomemoveAccountId(change.OutgoingAccountNumber)) // clean precision-pseudonym
                .SetHomemovePostcodeDistrict(change.ForwardingPostcode.Split(' ')[0]); // clean precision-about

            using var scope = logger.BeginScope(new Dictionary<string, object?>
            {
                ["Property"] = change.PropertyCode,
                ["HandoverDate"] = change.HandoverDate,
            }); // clean logging-objects

            try
            {
                await accounts.CloseAsync(change.OutgoingAccountNumber, change.ClosingRead, stoppingToken);
                span.SetHomemoveOutcome("closed"); // clean precision-names
                moves.Add(1, "move-out", "closed"); // clean generated-api
                logger.LogInformation("Closed account {AccountNumber} on {ClosingRead}", change.OutgoingAccountNumber, change.ClosingRead); // leak TC1001 direct
            }
            catch (InvalidOperationException ex)
            {
                _failedAccounts.Add(change.OutgoingAccountNumber);
                span.RecordException(ex).SetHomemoveOutcome("rejected"); // clean exceptions
                logger.LogHomemoveFailedEvent("move-out", "rejected", pseudonymizer.PseudonymizeHomemoveAccountId(change.OutgoingAccountNumber), homemoveNote: ex.GetType().Name); // clean generated-api
            }

            if (change.IncomingStudentNumber is null)
            {
                logger.LogInformation("Property {Property} has no incoming tenant yet", change.PropertyCode); // clean precision-names
                continue;
            }

            using var moveIn = Source.StartHomemoveProcess("move-in");
            var opened = await accounts.OpenAsync(change.IncomingFullName, change.IncomingEmail, change.ForwardingPostcode, change.Mpan, stoppingToken);
            moveIn.Activity?.SetTag(HomemoveAttributes.Contact, change.IncomingEmail); // leak TC1001 generated-api
            moveIn.SetHomemoveNote($"Opened for {change.IncomingFullName} from {change.HandoverDate:d}"); // leak TC1001 generated-api
            moveIn.Activity?.SetTag("account.opened", opened); // leak TC1001 direct
            moveIn.Activity?.SetTag("tenant.is_returning", change.IncomingStudentNumber == change.OutgoingStudentNumber); // clean precision-about
            moves.Add(1, "move-in", "registered"); // clean generated-api
            logger.LogDebug("Changeover {Change}", change); // leak TC1001 logging-objects
            _processed++;
        }

        ReportFailures();
    }

    private void ReportFailures()
    {
        logger.LogInformation("{Processed} changeovers processed, {Failed} failed", _processed, _failedAccounts.Count); // clean precision-about
        if (_failedAccounts.Count > 0)
        {
            logger.LogWarning("Accounts still open after handover: {Accounts}", string.Join(", ", _failedAccounts)); // leak TC1001 cross-member
        }
    }
}
