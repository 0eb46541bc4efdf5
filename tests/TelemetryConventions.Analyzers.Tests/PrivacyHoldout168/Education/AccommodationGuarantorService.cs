namespace PrivacyHoldout168.Education;

/// <summary>Halls need a UK guarantor for students without a rent deposit: the service checks the guarantor's credit.</summary>
public sealed class AccommodationGuarantorService(
    IApplicationStore store,
    ICreditBureau bureau,
    Pseudonymizer pseudonymizer,
    ILogger<AccommodationGuarantorService> logger)
{
    private static readonly ActivitySource Source = new("Residences.Guarantors");
    private static readonly Meter Meter = new("Residences.Guarantors");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("residences.guarantor.checks");

    public async Task<bool> CheckAsync(string studentNumber, string guarantorNumber, string hall, CancellationToken ct)
    {
        using var activity = Source.StartActivity("residences.guarantor.check");
        activity?.SetTag("residences.hall", hall); // clean precision-about
        logger.LogInformation(string.Concat("Guarantor check for ", studentNumber, " in ", hall)); // leak TC1001 strings
        TagStudent(activity, studentNumber); // leak TC1001 cross-member
        var guarantor = await store.FindGuarantorAsync(guarantorNumber, ct);
        if (guarantor is null)
        {
            logger.LogWarning("Guarantor {GuarantorNumber} not on file", guarantorNumber); // leak TC1001 direct
            return false;
        }

        activity?.SetTag("guarantor.relationship", guarantor.Relationship); // clean precision-about
        activity?.SetTag("guarantor.email_domain", guarantor.Email[(guarantor.Email.IndexOf('@') + 1)..]); // clean precision-about
        logger.LogInformation("Checking guarantor {@Guarantor}", guarantor); // leak TC1001 logging-objects
        var summary = new StringBuilder().Append("guarantor ").Append(guarantor.FullName).Append(" for ").Append(hall).ToString();
        activity?.AddEvent(new ActivityEvent("residences.guarantor.summary", tags: new ActivityTagsCollection { ["summary"] = summary })); // leak TC1001 strings

        var report = await bureau.SearchAsync(new CreditSearchRequest(guarantor.FullName, guarantor.DateOfBirth, "", "guarantor"), ct);
        var scored = new ScoreSummary(report.SearchReference, report.Score, report.Band);
        logger.LogInformation("Guarantor scored {@Summary}", scored); // clean logging-objects
        var passes = report.Score >= 600 && report.CountyCourtJudgments == 0;
        Checks.Add(1, new KeyValuePair<string, object?>("hall", hall), new KeyValuePair<string, object?>("passes", passes)); // clean precision-about
        Checks.Add(1, new KeyValuePair<string, object?>("guarantor", pseudonymizer.ComputeCampusloansStudentId(guarantorNumber))); // leak TC1003 precision-pseudonym
        activity?.SetTag("guarantor.count", 1); // clean precision-names
        return passes;
    }

    private static void TagStudent(Activity? activity, string studentNumber)
    {
        activity?.SetTag("residences.student_number", studentNumber); // leak TC1001 direct
    }
}
