namespace PrivacyHoldout134.Transport;

/// <summary>A track worker or cleaner due a hepatitis B booster.</summary>
public sealed record BoosterDue(string StaffNumber, string FirstName, string Mobile, string Depot, DateOnly DueOn, int DoseNumber);

/// <summary>Books depot staff due a hepatitis B booster into the occupational health nurse's depot sessions and texts them.</summary>
public sealed class DepotVaccinationBookingWorker(
    IQueueReceiver<BoosterDue> due,
    IVaccinationBookingApi api,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DepotVaccinationBookingWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Rail.DepotClinics");
    private static readonly Meter Meter = new("Rail.DepotClinics");
    private static readonly Counter<long> Booked = Meter.CreateCounter<long>("rail.depot_clinics.booked");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var person = await due.ReceiveAsync(stoppingToken);
            if (person is null)
            {
                continue;
            }

            using var span = Source.StartRailohReview(railohDepot: person.Depot, spanName: "depot_clinic.book");
            span.SetRailohMedicine("hepatitis-b"); // clean precision-names
            span.SetRailohEmployeeId(pseudonymizer.PseudonymizeRailohEmployeeId(person.StaffNumber)); // clean precision-pseudonym
            span.Activity?.SetTag("depot_clinic.dose", person.DoseNumber); // clean precision-about
            span.Activity?.SetTag("depot_clinic.session", $"{person.Depot}-hepb-{person.DueOn:yyyyMM}"); // clean strings
            span.Activity?.AddEvent(new ActivityEvent("depot_clinic.text", tags: new ActivityTagsCollection { ["body"] = $"Hi {person.FirstName}, your hep B booster is due {person.DueOn:d}" })); // leak TC1001 strings
            span.Activity?.SetTag("depot_clinic.overdue_days", DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - person.DueOn.DayNumber); // clean precision-about
            span.Activity?.SetTag("depot_clinic.staff.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(person.StaffNumber))[0] % 10); // clean hashes
            span.Activity?.SetTag("depot_clinic.staff.key", new Guid(MD5.HashData(Encoding.UTF8.GetBytes(person.StaffNumber))).ToString()); // leak TC1002 hashes
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Depot"] = person.Depot, ["Dose"] = person.DoseNumber }); // clean precision-names

            try
            {
                var booking = await api.BookAsync($"{person.Depot}-hepb", person.StaffNumber, person.FirstName, string.Empty, stoppingToken);
                logger.LogInformation("Booster booked {BookingId} at {Slot}", booking.BookingId, booking.SlotStart); // clean precision-names
                logger.LogInformation("Text to {Mobile} for {FirstName}", person.Mobile, person.FirstName); // leak TC1001 direct
                Booked.Add(1, new TagList { { "depot", person.Depot }, { "dose", person.DoseNumber } }); // clean precision-names
            }
            catch (SessionFullException ex)
            {
                logger.LogRailohReviewFailedEvent(railohDepot: person.Depot, railohOutcome: "full", railohNote: ex.Message); // clean generated-api
            }
            catch (AlreadyVaccinatedException ex)
            {
                logger.LogRailohReviewFailedEvent(railohDepot: person.Depot, railohOutcome: "duplicate", railohEmployeeId: pseudonymizer.PseudonymizeRailohEmployeeId(person.StaffNumber), railohNote: ex.Vaccine); // clean generated-api
                span.Activity?.AddException(ex); // leak TC1001 exceptions
            }
        }
    }
}
