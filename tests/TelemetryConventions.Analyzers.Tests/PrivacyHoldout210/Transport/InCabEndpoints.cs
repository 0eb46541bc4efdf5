using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Transport;

/// <summary>The in-cab device's report from a refuse lorry: a property it could not collect from.</summary>
public sealed record InCabException(string VehicleReg, string RoundId, string Uprn, string AddressLine, string Reason, string DriverStaffId, string? CrewComment, DateTime At);

/// <summary>A day's round as the fleet sees it: no resident in it.</summary>
public sealed record RoundDay(string RoundId, string VehicleReg, string Depot, int Lifts, int Exceptions, double Tonnes);

public static partial class InCabEndpoints
{
    private static readonly ActivitySource Source = new("Council.Fleet.InCab");
    private static readonly Meter FleetMeter = new("Council.Fleet.InCab");
    private static readonly Counter<long> Exceptions = FleetMeter.CreateCounter<long>("incab.exceptions");
    private static readonly List<InCabException> s_unresolved = new();

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/incab/exceptions", Record);
        routes.MapGet("/incab/unresolved", Unresolved);
        routes.MapPost("/incab/rounds", CloseRound);
    }

    private static async Task<string> Record(InCabException report, IWasteBookingStore bookings, Pseudonymizer pseudonymizer, ILogger<RoundDay> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartBinroundOperation(report.RoundId);
        span.SetBinroundKind("missed-bin"); // clean generated-api
        span.SetBinroundResidentId(pseudonymizer.PseudonymizeBinroundResidentId(report.Uprn)); // clean generated-api
        span.SetBinroundOutcome(report.Reason); // clean generated-api
        span.SetBinroundNote(report.CrewComment); // leak TC1001 generated-api
        span.SetBinroundNote($"{report.Reason} on {report.RoundId} at {report.At:HH:mm}"); // clean generated-api

        var activity = Activity.Current;
        activity?.SetTag("fleet.vehicle.reg", report.VehicleReg); // clean precision-names
        activity?.SetTag("fleet.round.id", report.RoundId); // clean precision-names
        activity?.SetTag("fleet.exception.reason", report.Reason); // clean precision-names
        activity?.SetTag("fleet.uprn", report.Uprn); // leak TC1001 direct
        activity?.SetTag("fleet.address", report.AddressLine); // leak TC1001 direct
        activity?.SetTag("fleet.driver.staff_id", report.DriverStaffId); // leak TC1001 direct
        activity?.SetTag("fleet.comment.given", report.CrewComment is not null); // clean precision-about
        Exceptions.Add(1, new KeyValuePair<string, object?>("reason", report.Reason), new KeyValuePair<string, object?>("round", report.RoundId)); // clean precision-names
        Exceptions.Add(1, new KeyValuePair<string, object?>("uprn", report.Uprn)); // leak TC1003 direct
        Exceptions.Add(1, new KeyValuePair<string, object?>("property", pseudonymizer.ComputeBinroundResidentId(report.Uprn))); // leak TC1003 precision-pseudonym
        FleetMeter.CreateBinroundOperationsCounter().Add(1, report.RoundId, report.Reason); // clean generated-api

        try
        {
            var missed = await bookings.ReportMissedAsync(report.Uprn, "general", report.CrewComment, cancellationToken);
            logger.LogInformation("Exception logged as {Report}", missed.ReportId); // clean precision-names
            logger.LogInformation("Exception {@Report}", report); // leak TC1001 logging-objects
            logger.LogInformation("Exception {Report}", report with { Uprn = "", AddressLine = "", CrewComment = null }); // leak TC1001 logging-objects
            logger.LogInformation("Exception {Report}", new { report.RoundId, report.Reason, report.VehicleReg }); // clean logging-objects
            ExceptionRecorded(logger, report.RoundId, report.AddressLine); // clean logging-objects
            return missed.ReportId;
        }
        catch (AddressNotServedException ex)
        {
            s_unresolved.Add(report);
            span.RecordException(ex); // clean exceptions
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogBinroundOperationFailedEvent(report.RoundId, "not-served", pseudonymizer.PseudonymizeBinroundResidentId(report.Uprn), ex.Message); // leak TC1001 generated-api
            logger.LogBinroundOperationFailedEvent(report.RoundId, "not-served", pseudonymizer.PseudonymizeBinroundResidentId(report.Uprn), "address not on a round"); // clean generated-api
            return "not-served";
        }
    }

    private static string Unresolved(ILogger<RoundDay> logger)
    {
        var text = string.Join("\n", s_unresolved.Select(r => $"{r.AddressLine}: {r.Reason}"));
        logger.LogWarning("Unresolved exceptions\n{Text}", text); // leak TC1001 cross-member
        logger.LogWarning("Unresolved exceptions {Count} on {Rounds}", s_unresolved.Count, string.Join(",", s_unresolved.Select(r => r.RoundId).Distinct())); // clean cross-member
        return text;
    }

    private static RoundDay CloseRound(RoundDay day, ILogger<RoundDay> logger)
    {
        logger.LogInformation("Round closed {@Day}", day); // clean logging-objects
        Activity.Current?.SetTag("fleet.round.tonnes", day.Tonnes); // clean precision-about
        FleetMeter.CreateBinroundOperationDurationHistogram().Record(8.5 * 3600, day.RoundId); // clean generated-api
        return day;
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "In-cab exception on {RoundId} at {Address}")]
    private static partial void ExceptionRecorded(ILogger logger, string roundId, [PrivateData] string address);
}
