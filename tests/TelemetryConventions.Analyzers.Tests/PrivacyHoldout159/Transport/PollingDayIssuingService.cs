namespace PrivacyHoldout159.Transport;

// Polling clerks' tablets: mark electors off the register as ballot papers are issued and report station turnout to the count.
public sealed class PollingDayIssuingService(IElectoralRegister register, ILogger<PollingDayIssuingService> logger, Pseudonymizer pseudonymizer, ActivitySource source, Meter meter)
{
    private readonly Counter<long> issued = meter.CreateCounter<long>("polling.papers.issued");
    private readonly ConcurrentDictionary<string, int> markedOff = new();

    public async Task IssueAsync(BallotIssue issue, string ward, string clerkStaffId, CancellationToken cancellationToken)
    {
        using var span = source.StartPolltransportOperation(ward);
        var elector = await register.FindAsync(issue.ElectorNumber, cancellationToken);
        try
        {
            if (elector is null)
            {
                throw new ElectorNotFoundException(issue.ElectorNumber);
            }

            if (!markedOff.TryAdd(issue.ElectorNumber, issue.BallotPaperNumber))
            {
                throw new BallotAlreadyIssuedException(issue.ElectorNumber);
            }
        }
        catch (BallotAlreadyIssuedException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogError("Tendered ballot needed: {Error}", ex.GetType().Name); // clean exceptions
            return;
        }
        catch (ElectorNotFoundException ex)
        {
            logger.LogWarning("Elector not found: {Message}", ex.Message); // leak TC1001 exceptions
            span.SetPolltransportOutcome("not_found"); // clean generated-api
            return;
        }
        catch (BallotBoxFullException ex)
        {
            logger.LogWarning(ex, "Box full"); // clean exceptions
            return;
        }

        Activity.Current?.SetTag("polling.station", issue.PollingStation); // clean precision-about
        Activity.Current?.SetTag("polling.clerk", clerkStaffId); // leak TC1001 direct
        Activity.Current?.SetTag("polling.elector.franchise", elector.Franchise); // clean precision-about
        Activity.Current?.SetTag("polling.elector.name", elector.FullName); // leak TC1001 direct
        issued.Add(1, new KeyValuePair<string, object?>("station", issue.PollingStation)); // clean precision-about
        issued.Add(1, new KeyValuePair<string, object?>("clerk", clerkStaffId)); // leak TC1003 direct
        span.SetPolltransportElectorId(pseudonymizer.PseudonymizePolltransportElectorId(issue.ElectorNumber)); // clean precision-pseudonym
        span.SetPolltransportNote($"issued at {issue.PollingStation}, {markedOff.Count} so far"); // clean generated-api
        logger.LogInformation("Issued ballot {BallotPaperNumber} to {ElectorNumber}", issue.BallotPaperNumber, issue.ElectorNumber); // leak TC1001 direct
        logger.LogInformation("Issued ballot at {Station}", issue.PollingStation); // clean precision-about
        meter.CreatePolltransportRequestsCounter().Add(1, polltransportWard: ward, polltransportOutcome: "issued"); // clean generated-api
    }

    public StationTurnout Turnout(string station, string district, int electorate)
    {
        var turnout = new StationTurnout(station, district, markedOff.Count, electorate);
        logger.LogInformation("Turnout {@Turnout}", turnout); // clean logging-objects
        logger.LogInformation("Marked register {Marked}", markedOff); // leak TC1001 cross-member
        return turnout;
    }
}
