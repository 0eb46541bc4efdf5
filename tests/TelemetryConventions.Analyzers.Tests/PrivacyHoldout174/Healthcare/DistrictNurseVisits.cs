namespace PrivacyHoldout174.Healthcare;

/// <summary>District nurse visits on the community trust's minimal API: a visit is opened, noted and closed.</summary>
public static partial class DistrictNurseVisits
{
    private static readonly ActivitySource Source = new("Trust.DistrictNursing");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/nurse-visits/{visitId}/close", CloseAsync);

    private static async Task<ActionResult> CloseAsync(string visitId, NurseVisit visit, ILogger<NurseVisit> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        using var span = Source.StartDischargecareOperation("RX1");
        span.SetDischargecareCarerId(pseudonymizer.PseudonymizeDischargecareCarerId(visit.NurseStaffNumber)); // clean precision-pseudonym
        span.SetDischargecareVisitType(visit.VisitType); // clean generated-api
        span.SetDischargecareOutcome(visit.NhsNumber); // leak TC1001 generated-api

        using (logger.BeginScope("Visit {VisitId}", visitId)) // clean precision-about
        using (logger.BeginScope(new Dictionary<string, object> { ["NhsNumber"] = visit.NhsNumber })) // leak TC1001 logging-objects
        {
            VisitClosed(logger, visitId, visit.NurseStaffNumber); // leak TC1001 precision-names
            VisitClosedRedacted(logger, visitId, visit.NurseStaffNumber); // clean precision-names
            NotesRecorded(logger, visitId, visit.Notes?.Length ?? 0); // clean precision-about
        }

        var summary = new StringBuilder().Append("Closed visit ").Append(visitId).Append(" for ").Append(visit.NhsNumber).ToString();
        Activity.Current?.AddEvent(new ActivityEvent("visit.closed", tags: new ActivityTagsCollection { ["summary"] = summary })); // leak TC1001 strings
        Activity.Current?.AddEvent(new ActivityEvent("visit.closed", tags: new ActivityTagsCollection { ["visit_type"] = visit.VisitType })); // clean precision-about

        Baggage.SetBaggage("nurse.staff_number", visit.NurseStaffNumber); // leak TC1001 direct
        Baggage.SetBaggage("visit.id", visitId); // clean precision-about

        DischargecareOperationsCounter.For(meter).Add(1, dischargecareTrust: "RX1", dischargecareOutcome: "closed"); // clean generated-api
        DischargecareOperationDurationHistogram.For(meter).Record(42.0, dischargecareTrust: "RX1"); // clean generated-api
        logger.LogDischargecareOperationFailedEvent(dischargecareTrust: "RX1", dischargecareOutcome: "late", dischargecareNote: $"Notes for {visit.NhsNumber} not synced"); // leak TC1001 generated-api
        await Task.CompletedTask;
        return new OkResult(visitId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Visit {VisitId} closed by nurse {StaffNumber}")]
    private static partial void VisitClosed(ILogger logger, string visitId, string staffNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Visit {VisitId} closed by nurse {StaffNumber}")]
    private static partial void VisitClosedRedacted(ILogger logger, string visitId, [PrivateData] string staffNumber);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Visit {VisitId} notes of {Length} characters")]
    private static partial void NotesRecorded(ILogger logger, string visitId, int length);
}
