namespace PrivacyHoldout205.Healthcare;

public sealed record PatientTaxiRequest(string NhsNumber, string PatientName, string Mobile, string HomePostcode, string ClinicCode, bool Wheelchair);

/// <summary>A trust's minimal API for taxis booked under its patient transport contract with licensed private hire firms.</summary>
public static class PatientTaxiEndpoints
{
    private static readonly ActivitySource Source = new("Trust.PatientTaxis");
    private static readonly Meter Meter = new("Trust.PatientTaxis");
    private static readonly Counter<long> Journeys = Meter.CreateCounter<long>("patient.taxi.journeys");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/patient-taxis", BookAsync);

    private static async Task<ActionResult> BookAsync(PatientTaxiRequest request, IBookingClient bookings, Pseudonymizer pseudonymizer, ILogger logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartMedcabOperation(request.ClinicCode);
        span.SetMedcabClientId(pseudonymizer.PseudonymizeMedcabClientId(request.NhsNumber)); // clean precision-pseudonym
        span.SetMedcabKind(request.Wheelchair ? "wheelchair" : "saloon"); // clean generated-api
        Activity.Current?.SetTag("patient.taxi.clinic", request.ClinicCode); // clean precision-names
        Activity.Current?.SetTag("patient.taxi.wheelchair", request.Wheelchair); // clean precision-about
        Activity.Current?.SetTag("patient.taxi.nhs_number", request.NhsNumber); // leak TC1001 direct
        Activity.Current?.SetTag("patient.taxi.postcode_district", request.HomePostcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("patient.taxi.postcode", request.HomePostcode); // leak TC1001 direct
        logger.LogInformation("Patient taxi requested {@Request}", request); // leak TC1001 logging-objects
        logger.LogInformation("Patient taxi requested for clinic {Clinic}, wheelchair {Wheelchair}", request.ClinicCode, request.Wheelchair); // clean precision-about
        var booking = await bookings.BookAsync(request.NhsNumber, request.HomePostcode, cancellationToken);
        logger.LogInformation("Patient taxi {BookingRef} with firm {Firm}", booking.BookingRef, booking.FirmCode); // clean precision-names
        logger.LogInformation("Patient taxi text sent: {Text}", $"Hello {request.PatientName.Split(' ')[0]}, your taxi {booking.BookingRef} is booked"); // leak TC1001 strings
        Journeys.Add(1, new KeyValuePair<string, object?>("patient.taxi.clinic", request.ClinicCode)); // clean precision-names
        Journeys.Add(1, new KeyValuePair<string, object?>("patient.taxi.patient", request.NhsNumber)); // leak TC1003 direct
        Meter.CreateMedcabOperationDurationHistogram().Record(0.4, request.ClinicCode); // clean generated-api
        Meter.CreateMedcabOperationsCounter().Add(1, request.HomePostcode, "booked"); // leak TC1003 generated-api
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.NhsNumber)));
        logger.LogInformation("Patient taxi digest {Digest}", digest); // leak TC1002 hashes
        logger.LogInformation("Patient taxi for {Patient}", pseudonymizer.ComputeMedcabClientId(request.NhsNumber)); // clean precision-pseudonym
        logger.LogInformation("Patient name length {Length}, mobile given {Given}", request.PatientName.Length, request.Mobile.Length > 0); // clean precision-about
        return new OkResult(booking.BookingRef);
    }
}
