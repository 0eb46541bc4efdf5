namespace PrivacyHoldout134.Media;

/// <summary>A travel clinic's private prescription for a crew member's antimalarials, posted to the broadcaster's health desk.</summary>
public sealed record ProphylaxisPrescription(string PrescriptionRef, string StaffNumber, string CrewEmail, string Drug, int Tablets, string Destination, string ClinicName, string PrescriberGmcNumber);

/// <summary>Receives prescriptions from the travel clinic and queues them for delivery to the crew member's home or the bureau.</summary>
public sealed class MalariaProphylaxisPrescriptionConsumer(
    IQueueReceiver<ProphylaxisPrescription> queue,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<MalariaProphylaxisPrescriptionConsumer> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("News.HealthDesk");
    private static readonly Meter Meter = new("News.HealthDesk");
    private static readonly Histogram<int> Tablets = Meter.CreateHistogram<int>("healthdesk.prophylaxis.tablets");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var rx = await queue.ReceiveAsync(stoppingToken);
            if (rx is null)
            {
                continue;
            }

            using var span = Source.StartCrewhealthCheck(crewhealthAssignment: rx.Destination, spanName: "healthdesk.prophylaxis");
            span.SetCrewhealthVaccine(rx.Drug); // clean precision-names
            span.SetCrewhealthCrewId(pseudonymizer.PseudonymizeCrewhealthCrewId(rx.StaffNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("healthdesk.prescription", rx.PrescriptionRef); // clean precision-names
            span.Activity?.SetTag("healthdesk.clinic", rx.ClinicName); // clean precision-names
            span.Activity?.SetTag(CrewhealthAttributes.Contact, rx.CrewEmail); // leak TC1001 generated-api
            span.Activity?.SetTag("healthdesk.prescriber", rx.PrescriberGmcNumber); // leak TC1001 direct
            span.Activity?.SetTag("healthdesk.crew.bucket", BitConverter.ToUInt16(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(rx.StaffNumber))) % 64); // clean hashes
            span.Activity?.SetTag("healthdesk.crew.key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(rx.CrewEmail.ToLowerInvariant())))[..16]); // leak TC1002 hashes
            logger.LogInformation("Prophylaxis prescription received {Prescription}", rx); // leak TC1001 logging-objects
            logger.LogInformation("Delivery note sent to {Email}", rx.CrewEmail); // leak TC1001 direct
            Tablets.Record(rx.Tablets, new KeyValuePair<string, object?>("drug", rx.Drug), new KeyValuePair<string, object?>("destination", rx.Destination)); // clean precision-names
        }
    }
}
