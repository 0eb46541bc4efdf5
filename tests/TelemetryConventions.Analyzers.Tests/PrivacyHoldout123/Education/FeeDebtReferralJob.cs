namespace PrivacyHoldout123.Education;

/// <summary>A student with unpaid tuition fees past the referral date.</summary>
public sealed record FeeDebtor(string StudentNumber, string Name, string PersonalEmail, string Course, decimal Outstanding, int DaysOverdue, bool Withdrawn, string? SponsorCode);

/// <summary>Refers unpaid fees: registry holds, reminder emails, and placement of withdrawn students' debts with the agency.</summary>
public sealed class FeeDebtReferralJob(ICollectionAgencyClient agency, Pseudonymizer pseudonymizer, ILogger<FeeDebtReferralJob> logger)
{
    private static readonly ActivitySource Source = new("University.Fees.Debt");
    private static readonly Meter Meter = new("University.Fees.Debt");
    private static readonly Counter<long> Holds = Meter.CreateCounter<long>("feebill.registry.holds");

    public async Task RunAsync(IReadOnlyList<FeeDebtor> debtors, CancellationToken ct)
    {
        using var run = Source.StartFeebillCollect("debt_referral").SetFeebillAmount((double)debtors.Sum(d => d.Outstanding)); // clean precision-about
        run.SetFeebillNote("referring " + string.Join(", ", debtors.Select(d => d.StudentNumber))); // leak TC1001 generated-api
        logger.LogInformation("Fee debtors this run: {Debtors}", debtors); // leak TC1001 logging-objects
        logger.LogInformation("Fee debtors by course {@ByCourse}", debtors.GroupBy(d => d.Course).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects
        logger.LogInformation("Fee debtors by name {@ByName}", debtors.ToDictionary(d => d.Name, d => d.Outstanding)); // leak TC1001 logging-objects

        foreach (var debtor in debtors)
        {
            using var scope = logger.BeginScope("Debtor {StudentNumber}", debtor.StudentNumber); // leak TC1001 logging-objects
            if (!debtor.Withdrawn)
            {
                Holds.Add(1, new KeyValuePair<string, object?>("feebill.course", debtor.Course)); // clean direct
                Activity.Current?.AddEvent(new ActivityEvent("feebill.registry.hold", tags: new ActivityTagsCollection { ["feebill.student"] = debtor.StudentNumber, ["feebill.days_overdue"] = debtor.DaysOverdue })); // leak TC1001 direct
                logger.LogInformation("Registry hold placed; reminder to {Email}", debtor.PersonalEmail); // leak TC1001 direct
                continue;
            }

            var placement = new DebtPlacement($"UF-{Guid.NewGuid():N}"[..14], "AGY-EDU", debtor.StudentNumber, debtor.Name, new PostalAddressLine("", ""), debtor.Outstanding, DateOnly.FromDateTime(DateTime.UtcNow));
            try
            {
                var receipt = await agency.PlaceAsync(placement, ct);
                run.SetFeebillReference(receipt.AgencyCaseId); // clean generated-api
                logger.LogInformation("Placed {Name}'s debt of {Amount} as case {Case}", debtor.Name, debtor.Outstanding, receipt.AgencyCaseId); // leak TC1001 direct
            }
            catch (PlacementRejectedException ex)
            {
                run.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
                logger.LogWarning(ex, "Agency refused a placement ({Code})", ex.Code); // leak TC1001 exceptions
                logger.LogFeebillPaymentFailedEvent("debt_referral", ex.Code, pseudonymizer.PseudonymizeFeebillCustomerId(debtor.StudentNumber), feebillNote: ex.Code); // clean precision-pseudonym
                Activity.Current?.SetTag("feebill.referral.failed", $"{debtor.StudentNumber}/{ex.Code}"); // leak TC1001 strings
                Activity.Current?.SetTag("feebill.referral.student_hash", debtor.StudentNumber.GetHashCode()); // leak TC1002 hashes
                Activity.Current?.SetTag("feebill.customer.id", pseudonymizer.ComputeFeebillCustomerId(debtor.StudentNumber)); // clean precision-pseudonym
                Holds.Add(1, new KeyValuePair<string, object?>("feebill.student", pseudonymizer.ComputeFeebillCustomerId(debtor.StudentNumber))); // leak TC1003 precision-pseudonym
            }
        }
    }
}
