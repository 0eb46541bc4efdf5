namespace PrivacyHoldout195.Transport;

/// <summary>A specialist courier's minimal API for moving frozen embryos and donor gametes between clinics in dry shippers.</summary>
public static class CryoShipmentEndpoints
{
    private static readonly ActivitySource Source = new("Courier.CryoShipments");
    private static readonly Meter Meter = new("Courier.CryoShipments");
    private static readonly Counter<long> Dispatched = Meter.CreateCounter<long>("courier.cryo.dispatched");
    private static readonly Histogram<double> TransitHours = Meter.CreateHistogram<double>("courier.cryo.transit_hours");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/consignments", Dispatch);
        routes.MapPost("/consignments/{consignmentId}/delivered", Delivered);
    }

    private static string RecipientTag(CryoConsignment consignment) => consignment.RecipientName.ToUpperInvariant();

    private static string Dispatch(CryoConsignment consignment, ICryoCourier courier, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<CourierMarker> logger)
    {
        using var activity = Source.StartActivity("courier.cryo.dispatch");
        activity?.SetTag("courier.consignment.id", consignment.ConsignmentId); // clean precision-names
        activity?.SetTag("courier.from_clinic", consignment.FromClinic); // clean precision-about
        activity?.SetTag("courier.to_clinic", consignment.ToClinic); // clean precision-about
        activity?.SetTag("courier.dewar.id", consignment.DewarId); // clean precision-names
        activity?.SetTag("courier.straws", consignment.Straws); // clean precision-about
        activity?.SetTag("courier.donor_gametes", consignment.DonorCode is not null); // clean precision-about
        activity?.SetTag("courier.patient.number", consignment.PatientNumber); // leak TC1001 direct
        activity?.SetTag("courier.donor.code", consignment.DonorCode); // leak TC1001 direct
        activity?.SetTag("courier.recipient", RecipientTag(consignment)); // leak TC1001 cross-member
        activity?.SetTag("courier.recipient.initial", consignment.RecipientName[..1]); // clean precision-about
        activity?.SetTag("courier.patient_label.format", "ISBT-128"); // clean precision-names
        Baggage.SetBaggage("courier.consignment", consignment.ConsignmentId); // clean precision-names
        Baggage.SetBaggage("courier.patient", consignment.PatientNumber); // leak TC1001 direct

        var patient = pseudonymizer.PseudonymizeCryoroutePatientId(consignment.PatientNumber);
        var donor = consignment.DonorCode is null ? default : pseudonymizer.Pseudonymize(IdentifierSpaces.Donor, consignment.DonorCode);
        activity?.SetTag("courier.patient", patient.Value); // clean precision-pseudonym
        activity?.SetTag("courier.donor", donor.Value); // clean precision-pseudonym
        Dispatched.Add(1, new KeyValuePair<string, object?>("route", consignment.FromClinic + ">" + consignment.ToClinic)); // clean precision-about
        Dispatched.Add(1, new KeyValuePair<string, object?>("donor", donor.Value)); // leak TC1003 precision-pseudonym
        Dispatched.Add(1, new KeyValuePair<string, object?>("recipient", consignment.RecipientName)); // leak TC1003 direct

        using var span = Source.StartCryorouteOperation(consignment.FromClinic);
        span.SetCryoroutePatientId(patient); // clean generated-api
        span.SetCryorouteKind(consignment.DonorCode is null ? "own-embryos" : "donor"); // clean generated-api
        span.SetCryorouteNote($"dewar {consignment.DewarId} with {consignment.Straws} straws"); // clean generated-api
        span.SetCryorouteNote($"for {consignment.RecipientName} ({consignment.PatientNumber})"); // leak TC1001 generated-api
        span.SetCryorouteStage(consignment.DonorCode ?? "none"); // leak TC1001 generated-api
        Meter.CreateCryorouteOperationsCounter().Add(1, consignment.FromClinic, "dispatched"); // clean generated-api
        Meter.CreateCryorouteOperationDurationHistogram().Record(3600, consignment.ToClinic); // clean generated-api

        logger.LogInformation("Consignment {@Consignment}", consignment); // leak TC1001 logging-objects
        logger.LogInformation("Consignment {@Consignment}", new { consignment.ConsignmentId, consignment.DewarId, consignment.Straws }); // clean logging-objects
        logger.LogInformation("Consignment {Consignment}", consignment with { RecipientName = "-" }); // leak TC1001 logging-objects
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Consignment"] = consignment.ConsignmentId, ["Dewar"] = consignment.DewarId }); // clean logging-objects
        using var leakyScope = logger.BeginScope(new Dictionary<string, object?> { ["Recipient"] = consignment.RecipientName }); // leak TC1001 logging-objects
        CourierLog.ConsignmentLabelled(logger, consignment.ConsignmentId, consignment.PatientNumber); // clean logging-objects
        CourierLog.DonorShipped(logger, consignment.ConsignmentId, consignment.DonorCode ?? "none"); // leak TC1001 logging-objects

        var manifest = new StringBuilder();
        manifest.Append(consignment.ConsignmentId).Append(';').Append(consignment.PatientNumber).Append(';').Append(consignment.DonorCode);
        logger.LogInformation("Manifest line {Manifest}", manifest.ToString()); // leak TC1001 strings
        var route = new StringBuilder().Append(consignment.FromClinic).Append(" -> ").Append(consignment.ToClinic).ToString();
        logger.LogInformation("Route {Route}", route); // clean strings

        var labelCheck = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(consignment.PatientNumber + consignment.DewarId)));
        activity?.SetTag("courier.label.check", labelCheck); // leak TC1002 hashes
        var keyedCheck = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(consignment.PatientNumber)));
        activity?.SetTag("courier.label.check", keyedCheck); // clean hashes

        try
        {
            var leg = courier.Dispatch(consignment);
            activity?.SetTag("courier.leg.id", leg.LegId); // clean precision-names
            activity?.SetTag("courier.van.id", leg.VanId); // clean precision-names
            activity?.SetTag("courier.driver.staff_number", leg.DriverStaffNumber); // leak TC1001 direct
            activity?.SetTag("courier.driver.name", leg.DriverName); // leak TC1001 direct
            activity?.SetTag("courier.departed_at", leg.DepartedAt.ToString("O")); // clean precision-about
            logger.LogInformation("Leg {Leg}", leg); // leak TC1001 logging-objects
            logger.LogInformation("Leg {LegId} by van {VanId}", leg.LegId, leg.VanId); // clean precision-names
            return leg.LegId;
        }
        catch (ConsentExpiredException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogCryorouteOperationFailedEvent(consignment.FromClinic, "consent-expired", patient, ex.Message); // leak TC1001 generated-api
            throw;
        }
        catch (TankAlarmException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogCryorouteOperationFailedEvent(consignment.FromClinic, "dewar-alarm", patient, ex.Message); // clean generated-api
            logger.LogError(ex, "Dry shipper alarm on {DewarId}", consignment.DewarId); // clean exceptions
            throw;
        }
        catch (DonorLimitReachedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogError(ex, "Donor gametes held at {Clinic}", consignment.FromClinic); // leak TC1001 exceptions
            throw new InvalidOperationException($"Consignment {consignment.ConsignmentId} held", ex);
        }
    }

    private static string Delivered(string consignmentId, double hours, string receivedBy, ILogger<CourierMarker> logger)
    {
        var activity = Activity.Current;
        activity?.SetTag("courier.consignment.id", consignmentId); // clean precision-names
        activity?.SetTag("courier.transit.hours", hours); // clean precision-about
        activity?.SetTag("courier.received_by", receivedBy); // leak TC1001 direct
        TransitHours.Record(hours, new KeyValuePair<string, object?>("consignment.kind", "embryo")); // clean precision-about
        logger.LogInformation("Consignment {ConsignmentId} delivered in {Hours} h, signed by {ReceivedBy}", consignmentId, hours, receivedBy); // leak TC1001 direct
        logger.LogInformation("Consignment {ConsignmentId} signature length {Length}", consignmentId, receivedBy.Length); // clean precision-about
        return consignmentId;
    }
}

/// <summary>The category type for the endpoints' logger.</summary>
public sealed class CourierMarker;

internal static partial class CourierLog
{
    [LoggerMessage(EventId = 9601, Level = LogLevel.Information, Message = "Consignment {ConsignmentId} labelled for {PatientNumber}")]
    public static partial void ConsignmentLabelled(ILogger logger, string consignmentId, [PrivateData] string patientNumber);

    [LoggerMessage(EventId = 9602, Level = LogLevel.Information, Message = "Consignment {ConsignmentId} carries gametes of donor {DonorCode}")]
    public static partial void DonorShipped(ILogger logger, string consignmentId, string donorCode);
}
