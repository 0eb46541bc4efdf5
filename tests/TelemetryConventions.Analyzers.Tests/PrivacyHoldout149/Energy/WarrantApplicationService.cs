namespace PrivacyHoldout149.Energy;

/// <summary>
/// Applies to the magistrates' court for warrants of entry to fit prepayment meters for households in
/// long arrears, after the welfare checks the regulator's code requires, in batches per court session.
/// </summary>
public sealed class WarrantApplicationService(
    IWarrantCourtClient court,
    Pseudonymizer pseudonymizer,
    Meter meter,
    JusticeOptions options,
    ILogger<WarrantApplicationService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.Warrants");

    private readonly List<string> _heldAccounts = new();

    public async Task ApplyForSessionAsync(string courtCode, IReadOnlyList<WarrantApplication> applications, CancellationToken cancellationToken)
    {
        using var span = Source.StartWarrantsOperation(courtCode);
        span.SetWarrantsWarrantCount(applications.Count); // clean generated-api
        span.SetWarrantsSupply("electricity");
        logger.LogInformation("Applying for {Count} warrants at {Court}, valid {ValidDays} days", applications.Count, courtCode, options.WarrantValidDays); // clean precision-about
        logger.LogDebug("Accounts in session: {Accounts}", applications.Select(a => a.AccountNumber).ToList()); // leak TC1001 logging-objects

        foreach (var application in applications)
        {
            var started = Stopwatch.GetTimestamp();
            using var activity = Source.StartActivity("warrants.apply");
            activity?.SetTag("warrant.id", application.WarrantId);
            activity?.SetTag("warrant.debt", application.Debt); // clean precision-about
            activity?.SetTag("warrant.mpan", application.Mpan); // leak TC1001 direct
            activity?.SetTag("warrant.mpan.distributor", application.Mpan[..2]); // clean precision-about
            activity?.SetTag("warrant.postcode.district", application.Postcode.Split(' ')[0]); // clean precision-about
            activity?.SetTag("warrant.household", pseudonymizer.ComputeWarrantsHouseholdId(application.AccountNumber)); // clean precision-pseudonym
            activity?.SetTag("warrant.vulnerable", application.VulnerabilityFlag); // clean precision-about

            try
            {
                if (application.VulnerabilityFlag)
                {
                    throw new VulnerableHouseholdException(application.AccountNumber);
                }

                var grant = await court.ApplyAsync(application, cancellationToken);
                activity?.SetTag("warrant.granted_on", grant.GrantedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // clean precision-about
                meter.CreateWarrantsApplicationsCounter().Add(1, courtCode, "granted"); // clean generated-api
                meter.CreateWarrantsHearingDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, courtCode); // clean generated-api
                logger.LogInformation("Warrant granted {Grant}", grant); // clean logging-objects
                logger.LogInformation("Warrant granted for {Occupier} at {Postcode}", application.OccupierName, application.Postcode); // leak TC1001 direct
            }
            catch (VulnerableHouseholdException ex)
            {
                _heldAccounts.Add(ex.AccountNumber);
                activity?.SetStatus(ActivityStatusCode.Error, "vulnerable-household"); // clean exceptions
                logger.LogWarningsOperationFailed(courtCode, ex); // leak TC1001 exceptions
                logger.LogWarrantsOperationFailedEvent(courtCode, "held-vulnerable", warrantsHouseholdId: pseudonymizer.PseudonymizeWarrantsHouseholdId(ex.AccountNumber)); // clean generated-api
            }
            catch (CourtSessionFullException ex)
            {
                span.RecordException(ex, includeMessage: true); // clean exceptions
                logger.LogWarrantsOperationFailedEvent(courtCode, "session-full", warrantsNote: ex.Message); // clean generated-api
                break;
            }
        }

        span.SetWarrantsOutcome(_heldAccounts.Count == 0 ? "applied" : "applied-with-holds"); // clean generated-api
        span.SetWarrantsNote($"Held for welfare visit: {string.Join(", ", _heldAccounts)}"); // leak TC1001 generated-api
    }

    /// <summary>A welfare officer's phone call before the application, logged for the code of practice audit.</summary>
    public void RecordWelfareCall(WarrantApplication application, string officerStaffId, string phoneCalled, bool answered)
    {
        Activity.Current?.SetTag(WarrantsAttributes.Contact, phoneCalled); // leak TC1001 generated-api
        Activity.Current?.SetTag("welfare.call.answered", answered);
        Activity.Current?.SetTag("welfare.officer", officerStaffId); // leak TC1001 direct
        Activity.Current?.SetTag("welfare.officer.id", pseudonymizer.ComputeWarrantsAgentId(officerStaffId)); // clean precision-pseudonym
        logger.LogInformation("Welfare call for warrant {WarrantId}: answered {Answered}", application.WarrantId, answered);
    }
}

internal static class WarrantLogging
{
    /// <summary>The team's own warning for a failed application, with the exception attached.</summary>
    public static void LogWarningsOperationFailed(this ILogger logger, string courtCode, Exception exception) =>
        logger.LogWarning(exception, "Warrant application at {Court} failed", courtCode);
}
