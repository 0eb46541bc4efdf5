using System.Text.Json;

namespace PrivacyHoldout171.Healthcare;

/// <summary>A hire car booked from the rental partner to take a patient to a clinic.</summary>
public sealed record PatientTransportHire(string HireReference, string NhsNumber, string PatientPostcode, string Clinic, string HireCarPlate, string RentalCompany, DateTimeOffset PickUp);

/// <summary>Consumes transport hires from the patient transport queue and books them with the rental partner.</summary>
public sealed class PatientTransportHireConsumer(
    IQueueReceiver<string> receiver,
    Pseudonymizer pseudonymizer,
    ILogger<PatientTransportHireConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.PatientTransport");
    private static readonly Meter Meter = new("Trust.PatientTransport");
    private static readonly Counter<long> Hires = Meter.CreateCounter<long>("trust.transport.hires");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var body = await receiver.ReceiveAsync(stoppingToken);
            if (body is null)
            {
                continue;
            }

            var hire = JsonSerializer.Deserialize<PatientTransportHire>(body)!;
            using var activity = Source.StartActivity("transport.hire", ActivityKind.Consumer);
            activity?.SetTag("transport.hire.reference", hire.HireReference); // clean precision-names
            activity?.SetTag("transport.hire.car.plate", hire.HireCarPlate); // clean precision-names
            activity?.SetTag("transport.rental.company", hire.RentalCompany); // clean precision-names
            activity?.SetTag("transport.clinic", hire.Clinic); // clean precision-names
            activity?.SetTag("transport.patient.district", OutwardCode(hire.PatientPostcode)); // clean precision-about
            activity?.SetTag("transport.patient.postcode", hire.PatientPostcode); // leak TC1001 direct

            Tag(activity, hire.NhsNumber); // leak TC1001 cross-member
            TagCompany(activity, hire.RentalCompany); // clean cross-member
            activity?.AddEvent(new ActivityEvent($"hire {hire.HireReference} booked for {hire.Clinic}")); // clean strings
            Hires.Add(1, new KeyValuePair<string, object?>("clinic", hire.Clinic), new KeyValuePair<string, object?>("company", hire.RentalCompany)); // clean precision-names
            logger.LogInformation("Transport hire {HireReference} for clinic {Clinic} at {PickUp}", hire.HireReference, hire.Clinic, hire.PickUp); // clean precision-names
            logger.LogInformation("Transport hire body {Body}", body); // leak TC1001 logging-objects
            logger.LogInformation("Transport booked for patient {Patient}", pseudonymizer.Pseudonymize("patient", hire.NhsNumber)); // clean precision-pseudonym
        }
    }

    private static void Tag(Activity? activity, string nhsNumber)
    {
        activity?.SetTag("transport.patient.nhs_number", nhsNumber); // leak TC1001 direct
    }

    private static void TagCompany(Activity? activity, string rentalCompany)
    {
        activity?.SetTag("transport.rental.partner", rentalCompany); // clean precision-names
    }

    private static string OutwardCode(string postcode) => postcode.Split(' ')[0];
}

/// <summary>Chases the rental partner when a patient transport hire car does not arrive.</summary>
public sealed class TransportNoShowHandler(ILogger<TransportNoShowHandler> logger)
{
    private static readonly ActivitySource Source = new("Trust.PatientTransport.NoShow");

    public void Handle(PatientTransportHire hire, string patientMobile)
    {
        using var activity = Source.StartActivity("transport.no_show");
        activity?.SetTag("transport.hire.reference", hire.HireReference); // clean precision-names
        activity?.SetTag("transport.patient.mobile", patientMobile); // leak TC1001 direct
        activity?.SetStatus(ActivityStatusCode.Error, "Hire car did not arrive for " + hire.NhsNumber); // leak TC1001 strings
        logger.LogWarning("No show for hire {HireReference} with {Company}", hire.HireReference, hire.RentalCompany); // clean precision-names
        logger.LogWarning("No show for {Hire}", hire); // leak TC1001 logging-objects
        var key = BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(hire.NhsNumber + hire.PickUp.ToString("O"))));
        activity?.SetTag("transport.no_show.key", key); // leak TC1002 hashes
    }
}
