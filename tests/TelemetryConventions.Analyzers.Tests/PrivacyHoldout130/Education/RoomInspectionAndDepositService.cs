namespace PrivacyHoldout130.Education;

/// <summary>
/// End-of-contract room inspections in halls and the deposit repayment that follows: the inspector's findings
/// become deductions, proposed to the deposit scheme.
/// </summary>
public sealed class RoomInspectionAndDepositService(
    ILettingsClient lettings,
    IDepositSchemeClient deposits,
    Pseudonymizer pseudonymizer,
    ILogger<RoomInspectionAndDepositService> logger)
{
    private static readonly ActivitySource Source = new("Uni.Residences.Inspections");
    private static readonly Meter Meter = new("Uni.Residences.Inspections");
    private static readonly Histogram<int> Scores = Meter.CreateHistogram<int>("residences.inspection.score");

    private static readonly IReadOnlyDictionary<string, decimal> Tariff = new Dictionary<string, decimal>
    {
        ["cleaning"] = 45m,
        ["missing-keyfob"] = 25m,
        ["wall-damage"] = 80m,
    };

    public async Task CloseRoomAsync(InspectionReport report, string tenancyRef, string depositId, string studentNumber, CancellationToken ct)
    {
        using var span = Source.StartHallsTenancy(report.PropertyRef).SetHallsTenancyRef(tenancyRef); // clean precision-names
        await lettings.SaveInspectionAsync(report, ct);

        Scores.Record(report.ConditionScore, new KeyValuePair<string, object?>("room", report.PropertyRef)); // clean precision-names
        Scores.Record(report.ConditionScore, new KeyValuePair<string, object?>("inspector", report.InspectorStaffNumber)); // leak TC1003 direct
        logger.LogInformation("Inspection {InspectionId} scored {Score} with {IssueCount} issues", report.InspectionId, report.ConditionScore, report.Issues.Count); // clean precision-about
        logger.LogInformation("Inspection {Report}", report); // leak TC1001 logging-objects
        span.Activity?.SetTag("inspection.issues", report.Issues.ToArray()); // clean precision-names

        var deductions = report.Issues.Where(Tariff.ContainsKey).ToList();
        var toHall = deductions.Sum(i => Tariff[i]);
        var proposal = new RepaymentProposal(depositId, tenancyRef, 250m - toHall, toHall, deductions);
        logger.LogInformation("Proposing {@Proposal}", proposal); // clean logging-objects

        try
        {
            await deposits.ProposeRepaymentAsync(proposal, ct);
            span.SetHallsAmount((double)toHall).SetHallsOutcome("proposed");
        }
        catch (DepositInDisputeException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            span.SetHallsNote($"Dispute {ex.CaseNumber} opened by {studentNumber}"); // leak TC1001 generated-api
            span.SetHallsTenantId(pseudonymizer.PseudonymizeHallsTenantId(studentNumber)); // clean precision-pseudonym
        }

        var bucket = BitConverter.ToUInt32(MD5.HashData(Encoding.UTF8.GetBytes(studentNumber))) % 100;
        span.Activity?.SetTag("inspection.sample.bucket", bucket); // leak TC1002 hashes
        span.Activity?.SetTag("inspection.student.hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(studentNumber)))); // leak TC1002 hashes
    }
}
